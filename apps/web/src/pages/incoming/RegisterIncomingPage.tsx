// Vào sổ văn bản đến (clerk): the scan (a PDF checked here for type and size before any upload, or
// page images made into a PDF by POST /scans), the
// metadata, then the number the register gave — and a warning when the same sender's number and
// date are already registered (likelyDuplicateIds).
import { Alert, Button, Card, Progress, Result, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { incomingKeys } from '../../api/incoming';
import { registerIncoming, type RegisterMetadata, type Registration } from '../../api/upload';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RegisterForm } from './RegisterForm';

export function RegisterIncomingPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [registered, setRegistered] = useState<Registration>();

  const submit = async (metadata: RegisterMetadata, scan: File | undefined) => {
    setError(undefined);
    setProgress(0);
    try {
      setRegistered(await registerIncoming(metadata, scan, setProgress));
      await queryClient.invalidateQueries({ queryKey: incomingKeys.all });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  if (registered) {
    return (
      <Result
        status="success"
        title={<span data-testid="incoming-number">Đã vào sổ: số đến {registered.incomingNumber}</span>}
        subTitle={registered.urgent ? 'Văn bản khẩn: hãy trình lãnh đạo ngay.' : `Năm ${registered.year}`}
        extra={[
          <Button key="open" type="primary" onClick={() => navigate(`/incoming/${registered.id}`)}>
            Mở văn bản
          </Button>,
          <Button key="again" onClick={() => setRegistered(undefined)}>
            Vào sổ văn bản khác
          </Button>,
        ]}
      >
        {registered.likelyDuplicateIds.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="Có thể trùng: đã có văn bản cùng số, ký hiệu và ngày của cơ quan gửi."
            description={registered.likelyDuplicateIds.map((id) => (
              <div key={id}>
                <Link to={`/incoming/${id}`}>Xem văn bản đã vào sổ</Link>
              </div>
            ))}
          />
        )}
      </Result>
    );
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Vào sổ văn bản đến
      </Typography.Title>
      <ErrorAlert error={error} />
      {progress !== undefined && <Progress percent={progress} aria-label="Tiến độ tải lên" />}
      <RegisterForm busy={progress !== undefined} onSubmit={submit} />
    </Card>
  );
}
