// Một hồ sơ: its description and documents (those the person may see; the others only counted), and
// for its owner while open: file a document from "to file" (closed incoming, issued outgoing, in no
// record yet) and close the record.
import { Button, Card, Descriptions, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { closeRecord, fileDocument, RECORD_STATUS_LABELS, recordKeys, useRecord, useToFile, type RecordDetail } from '../../api/records';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIAL_COLOR } from '../../components/labels';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDate, formatDateTime } from '../../dates';
import { useProfile } from '../../session/SessionContext';
import { documentPageState } from '../document/DocumentFrame';

type Filed = RecordDetail['documents'][number];

export function RecordPage() {
  const { id = '' } = useParams();
  const profile = useProfile();
  const record = useRecord(id);
  const waiting = documentPageState(record);
  if (waiting || !record.data) return waiting;
  const r = record.data;
  const canFile = r.ownerId === profile.id && r.status === 'open';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {r.title}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Mã hồ sơ">{r.fileCode}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <Tag data-testid="record-status">{RECORD_STATUS_LABELS[r.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Thời hạn bảo quản">{r.retention}</Descriptions.Item>
          <Descriptions.Item label="Chế độ sử dụng">{r.rights === 'public' ? 'Công khai' : 'Hạn chế'}</Descriptions.Item>
          <Descriptions.Item label="Số văn bản, số trang">
            <span data-testid="record-count">{r.documentCount}</span>&nbsp;văn bản, {r.pageCount} trang
          </Descriptions.Item>
          <Descriptions.Item label="Thời gian">{r.startDate ? `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` : '—'}</Descriptions.Item>
          {r.closedAt && <Descriptions.Item label="Đóng lúc">{formatDateTime(r.closedAt)}</Descriptions.Item>}
          {r.description && <Descriptions.Item label="Mô tả">{r.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title="Văn bản trong hồ sơ" size="small">
        <ScrollRegion label="Văn bản trong hồ sơ, cuộn ngang để xem đủ các cột" minWidth={640}>
          <Table<Filed>
            rowKey={(d) => `${d.kind}-${d.id}`}
            size="small"
            pagination={false}
            dataSource={r.documents}
            data-testid="record-documents"
            locale={{ emptyText: 'Hồ sơ chưa có văn bản nào' }}
            columns={[
              { title: 'STT', dataIndex: 'docOrdinal', width: 60 },
              { title: 'Số, ký hiệu', dataIndex: 'numberSymbol', width: 150, render: (v: string | null) => v ?? '—' },
              { title: 'Ngày', dataIndex: 'documentDate', width: 110, render: (v: string) => formatDate(v) },
              {
                title: 'Trích yếu',
                key: 'subject',
                render: (_, d) => (
                  <>
                    {d.confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>Mật</Tag>}
                    <Link to={`/${d.kind}/${d.id}`}>{d.subject}</Link>
                  </>
                ),
              },
              { title: 'Số trang', dataIndex: 'pageCount', width: 90 },
            ]}
          />
        </ScrollRegion>
        {r.hiddenDocuments > 0 && <Typography.Paragraph type="secondary">{`Còn ${r.hiddenDocuments} văn bản bạn không có quyền xem.`}</Typography.Paragraph>}
      </Card>
      {canFile && <RecordOwnerActions record={r} />}
    </Space>
  );
}

function RecordOwnerActions({ record }: { record: RecordDetail }) {
  const queryClient = useQueryClient();
  const toFile = useToFile(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ document: string }>();
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: recordKeys.all });
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const file = ({ document }: { document: string }) => {
    const [kind, documentId] = document.split(':') as ['incoming' | 'outgoing', string];
    void act(() => fileDocument(record.id, kind, documentId));
  };
  return (
    <Card title="Lập hồ sơ" size="small">
      <ErrorAlert error={error} />
      <Form form={form} name="file-document" layout="vertical" onFinish={file}>
        <Form.Item label="Văn bản cần lập hồ sơ" name="document" rules={[{ required: true, message: 'Chọn văn bản' }]}>
          <Select
            loading={toFile.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent="Không còn văn bản nào chờ lập hồ sơ"
            options={(toFile.data?.items ?? []).map((d) => ({
              value: `${d.kind}:${d.id}`,
              label: `${d.kind === 'incoming' ? 'Đến' : 'Đi'} · ${d.numberSymbol ?? '—'} · ${d.subject}`,
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            Đưa vào hồ sơ
          </Button>
          <Popconfirm title="Đóng hồ sơ? Sau khi đóng không thêm được văn bản." okText="Đóng hồ sơ" cancelText="Thôi" onConfirm={() => act(() => closeRecord(record.id))}>
            <Button disabled={busy}>Đóng hồ sơ</Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
