// Tra cứu văn bản: what the QR code and link printed on an issued copy open, without signing in —
// number, date, issuer, signers and whether the stored original still verifies. A confidential
// document shows no subject; a recalled one says so first. (docs/signing-long-term.md)
import { Alert, Card, Descriptions, Layout, List, Spin, Tag, Typography } from 'antd';
import { useVerification, type PublicVerification } from '../api/verification';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, formatDateTime } from '../dates';

const ROLE: Record<PublicVerification['signers'][number]['role'], string> = {
  signer: 'Người ký',
  agency: 'Chữ ký số của cơ quan',
  timestamp: 'Dấu thời gian',
};

export function VerifyPage({ token }: { token: string }) {
  const verification = useVerification(token);
  const v = verification.data;
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', padding: 16 }}>
      <main style={{ width: 720, maxWidth: '100%' }}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            Tra cứu văn bản
          </Typography.Title>
          {verification.isLoading && <Spin />}
          <ErrorAlert error={verification.error} />
          {v && <Verification v={v} />}
        </Card>
      </main>
    </Layout>
  );
}

function Verification({ v }: { v: PublicVerification }) {
  return (
    <>
      {v.status === 'recalled' ? (
        <Alert type="error" showIcon title={`Văn bản đã bị thu hồi ngày ${formatDate(v.recalledAt)}${v.recallReason ? `: ${v.recallReason}` : ''}`} data-testid="verify-status" />
      ) : v.verifies ? (
        <Alert type="success" showIcon title="Văn bản gốc lưu tại cơ quan ban hành còn nguyên vẹn, các chữ ký số hợp lệ" data-testid="verify-status" />
      ) : (
        <Alert type="warning" showIcon title="Văn bản gốc không còn xác thực được: chữ ký không hợp lệ hoặc tệp đã bị thay đổi" data-testid="verify-status" />
      )}
      <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }}>
        <Descriptions.Item label="Số, ký hiệu">{v.numberSymbol}</Descriptions.Item>
        <Descriptions.Item label="Ngày ban hành">{formatDate(v.issuedAt)}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan ban hành">{v.issuer}</Descriptions.Item>
        <Descriptions.Item label="Trích yếu">{v.confidential ? <Tag color="#a8071a">Văn bản mật: không hiển thị trích yếu</Tag> : v.subject}</Descriptions.Item>
        <Descriptions.Item label="Mã băm SHA-256">
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {v.sha256}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Kiểm tra lúc">{formatDateTime(v.checkedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
        Chữ ký số
      </Typography.Title>
      <List
        dataSource={v.signers}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={`${ROLE[s.role]}: ${s.name ?? 'không rõ'}`}
              description={[
                s.valid ? 'hợp lệ' : 'không hợp lệ',
                s.level && `mức ${s.level}`,
                s.provenAt ? `dấu thời gian ${formatDateTime(s.provenAt)}` : s.signedAt && `ký lúc ${formatDateTime(s.signedAt)}`,
                s.validLongTerm && 'xác thực được lâu dài',
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
    </>
  );
}
