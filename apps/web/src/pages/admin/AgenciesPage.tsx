// Danh bạ cơ quan (administrators, docs/agency-directory.md): the agencies outside the installation
// documents are exchanged with — searched by words of the name or codes (accents ignored by the
// API) — and the import of the national list as CSV (checked for type and size in the browser,
// sent with a progress bar; all or nothing: the API names every bad row and writes none).
import { Button, Card, Input, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { agencyKeys, importAgencies, MAX_AGENCY_CSV_BYTES, useAgencies, type Agency, type AgencyImportResult } from '../../api/agencies';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../dates';

const ENDPOINT_LABELS: Record<NonNullable<Agency['endpointKind']>, string> = {
  installation: 'Hệ thống khác',
  axis: 'Trục liên thông',
  email: 'Thư điện tử',
};

/** Refused before upload: not a CSV, empty, or over the API's limit. */
export function csvProblem(file: File): string | undefined {
  if (!file.name.toLowerCase().endsWith('.csv')) return 'Chỉ nhận tệp CSV (.csv).';
  if (file.size === 0) return 'Tệp rỗng.';
  if (file.size > MAX_AGENCY_CSV_BYTES) return `Tệp lớn hơn ${MAX_AGENCY_CSV_BYTES / 1024 / 1024} MB.`;
  return undefined;
}

export function AgenciesPage() {
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const agencies = useAgencies({ q: q || undefined, page, pageSize: 20 });
  const [progress, setProgress] = useState<number>();
  const [fileError, setFileError] = useState<string>();
  const [importError, setImportError] = useState<unknown>();
  const [imported, setImported] = useState<AgencyImportResult>();

  const upload = async (file: File) => {
    setImportError(undefined);
    setImported(undefined);
    setProgress(0);
    try {
      setImported(await importAgencies(file, setProgress));
      await queryClient.invalidateQueries({ queryKey: agencyKeys.all });
    } catch (e) {
      setImportError(e);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Danh bạ cơ quan
      </Typography.Title>
      <Card title="Nhập danh bạ từ tệp CSV" size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          Các cột: <code>organ_id, agency_code, name, address, email, phone, fax, website, endpoint_kind, endpoint_url</code> (UTF-8). Tệp có dòng sai thì không dòng nào được ghi.
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              const problem = csvProblem(file);
              setFileError(problem);
              if (!problem) void upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button loading={progress !== undefined}>Chọn tệp CSV để nhập</Button>
          </Upload>
          {fileError && (
            <Typography.Text type="danger" role="alert">
              {fileError}
            </Typography.Text>
          )}
          {progress !== undefined && <Progress percent={progress} aria-label="Tiến độ tải tệp CSV" />}
          <ErrorAlert error={importError} />
          {imported && (
            <Typography.Text data-testid="agency-import-result">
              {`Đã nhập: ${imported.created} cơ quan mới, ${imported.updated} cập nhật, ${imported.unchanged} không đổi.`}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Input.Search
        aria-label="Tìm cơ quan"
        placeholder="Tên cơ quan, mã định danh (không cần dấu)"
        allowClear
        enterButton="Tìm"
        onSearch={(v) => (setQ(v.trim()), setPage(1))}
        style={{ maxWidth: 480, marginBottom: 12 }}
      />
      <ErrorAlert error={agencies.error} />
      <ScrollRegion label="Danh bạ cơ quan, cuộn ngang để xem đủ các cột" minWidth={900}>
        <Table<Agency>
          rowKey="id"
          size="small"
          loading={agencies.isFetching}
          dataSource={agencies.data?.items ?? []}
          data-testid="agencies"
          locale={{ emptyText: 'Không có cơ quan nào' }}
          pagination={{ current: page, pageSize: 20, total: agencies.data?.total ?? 0, onChange: setPage, showTotal: (t) => `${t} cơ quan` }}
          columns={[
            { title: 'Tên cơ quan', dataIndex: 'name' },
            { title: 'Mã định danh', dataIndex: 'organId', width: 150, render: (v: string | null) => v ?? '—' },
            { title: 'Mã cơ quan', dataIndex: 'agencyCode', width: 120, render: (v: string | null) => v ?? '—' },
            { title: 'Thư điện tử', dataIndex: 'email', width: 200, render: (v: string | null) => v ?? '—' },
            { title: 'Nhận văn bản qua', dataIndex: 'endpointKind', width: 140, render: (v: Agency['endpointKind']) => (v ? ENDPOINT_LABELS[v] : '—') },
            { title: 'Trạng thái', dataIndex: 'active', width: 110, render: (v: boolean) => (v ? <Tag color="#237804">Đang dùng</Tag> : <Tag>Ngừng dùng</Tag>) },
            { title: 'Cập nhật', dataIndex: 'updatedAt', width: 140, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </ScrollRegion>
    </>
  );
}
