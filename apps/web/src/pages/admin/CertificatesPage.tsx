// Chứng thư số: the signing certificates an administrator sees (their own, every agency's seal),
// with how long each stays valid, storing a new one (.p12/.pfx with its passphrase and the PNG of
// the signature or seal) and stopping one.
import { Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { revokeCertificate, useCertificates, useRefreshBooks, type Certificate } from '../../api/books';
import { useUnits } from '../../api/directory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dayjs, formatDate } from '../../dates';
import { CertificateUploadForm } from './CertificateUploadForm';
import { useAdminAction } from './useAdminAction';
import { EmptyText } from '../../components/EmptyText';

/** Soon: a month before the end, time to ask the CA for a new one. */
const EXPIRY_WARNING_DAYS = 30;

export function CertificatesPage() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const certificates = useCertificates(paging.page, paging.pageSize);
  const units = useUnits();
  const [revoking, setRevoking] = useState<Certificate>();
  const agencyName = (id: string | null) => (id ? (units.data?.items.find((u) => u.id === id)?.name ?? '') : '');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Chứng thư số
      </Typography.Title>
      <ErrorAlert error={certificates.error} />
      <Table<Certificate>
        rowKey="id"
        loading={certificates.isFetching && !certificates.data}
        dataSource={certificates.data?.items}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <EmptyText>{'Chưa có chứng thư số nào'}</EmptyText> }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: certificates.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        columns={[
          { title: 'Loại', key: 'kind', render: (_, c) => (c.kind === 'organisation' ? 'Con dấu cơ quan' : 'Cá nhân') },
          { title: 'Chủ thể', key: 'subject', render: (_, c) => c.commonName ?? c.subject },
          { title: 'Cơ quan', key: 'agency', render: (_, c) => agencyName(c.agencyId) },
          { title: 'Tổ chức cấp', dataIndex: 'issuer', ellipsis: true },
          { title: 'Số sê-ri', dataIndex: 'serialNumber', ellipsis: true },
          { title: 'Hiệu lực từ', key: 'from', render: (_, c) => formatDate(c.validFrom) },
          { title: 'Hết hạn', key: 'to', render: (_, c) => <Expiry certificate={c} /> },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, c) =>
              c.active ? (
                <Button size="small" danger onClick={() => setRevoking(c)} aria-label={`Ngừng sử dụng chứng thư ${c.commonName ?? c.serialNumber}`}>
                  Ngừng sử dụng
                </Button>
              ) : (
                <Tag color="#434343">Đã ngừng {formatDate(c.revokedAt)}</Tag>
              ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        Thêm chứng thư số
      </Typography.Title>
      <CertificateUploadForm />
      {revoking && <RevokeDialog certificate={revoking} onClose={() => setRevoking(undefined)} />}
    </>
  );
}

function Expiry({ certificate }: { certificate: Certificate }) {
  const left = dayjs(certificate.validTo).diff(dayjs(), 'day');
  const date = formatDate(certificate.validTo);
  if (left < 0) return <Tag color="#a8071a">{date} (đã hết hạn)</Tag>;
  if (left <= EXPIRY_WARNING_DAYS) return <Tag color="#ad4e00">{date} (còn {left} ngày)</Tag>;
  return <span>{date}</span>;
}

function RevokeDialog({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAdminAction('Đã ngừng sử dụng chứng thư', { refresh: useRefreshBooks() });
  const confirm = async () => (await action.run(() => revokeCertificate(certificate.id, reason.trim() || undefined))) && onClose();
  return (
    <Modal open title="Ngừng sử dụng chứng thư số" okText="Ngừng sử dụng" okButtonProps={{ danger: true, loading: action.busy }} cancelText="Hủy" onOk={() => void confirm()} onCancel={onClose}>
      <ErrorAlert error={action.error} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{certificate.commonName ?? certificate.subject}: không dùng để ký được nữa.</Typography.Text>
        <label htmlFor="revoke-reason">Lý do</label>
        <Input.TextArea id="revoke-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Mất thiết bị lưu khóa" />
      </Space>
    </Modal>
  );
}
