// Số hóa văn bản giấy (issue 19 item 3): the clerk picks the page images in page order, they go to
// POST /scans (upload progress), the worker makes one searchable PDF (progress from GET /jobs/:id,
// asked every 1.5 s while the job runs), and the PDF is then used by the registration form.
import { Alert, Button, Form, Progress, Space, Typography, Upload } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchJob, pageImageProblem, requestScan, scanResult, type ScanResult } from '../../../api/scans';
import { ErrorAlert } from '../../../components/ErrorAlert';

const POLL_MS = 1500;

export function ScanPanel({ onScanned }: { onScanned: (scan: ScanResult | undefined) => void }) {
  const [pages, setPages] = useState<File[]>([]);
  const [pageError, setPageError] = useState<string>();
  const [uploading, setUploading] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [jobId, setJobId] = useState<string>();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => fetchJob(jobId!),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data?.state === 'completed' || query.state.data?.state === 'failed' ? false : POLL_MS),
  });
  const done = job.data ? scanResult(job.data) : undefined;
  // Told once per finished scan (the form keeps the file id and fills the page count).
  useEffect(() => onScanned(done), [done?.fileId]);

  const start = async () => {
    if (pages.length === 0) return setPageError('Chọn ảnh các trang văn bản.');
    setError(undefined);
    setJobId(undefined);
    setUploading(0);
    try {
      setJobId((await requestScan(pages, setUploading)).jobId);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(undefined);
    }
  };

  const running = jobId !== undefined && !done && job.data?.state !== 'failed';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="scan-panel">
      <ErrorAlert error={error ?? job.error} />
      <Form.Item label="Ảnh các trang (PNG, JPEG, TIFF; theo thứ tự trang)" required validateStatus={pageError ? 'error' : undefined} help={pageError} style={{ marginBottom: 8 }}>
        <Upload
          multiple
          accept="image/png,image/jpeg,image/tiff,.png,.jpg,.jpeg,.tif,.tiff"
          fileList={pages.map((p, i) => ({ uid: `${i}-${p.name}`, name: p.name, status: 'done' }))}
          beforeUpload={(file) => {
            const problem = pageImageProblem(file);
            setPageError(problem);
            if (!problem) setPages((now) => [...now, file]);
            return Upload.LIST_IGNORE;
          }}
          onRemove={(removed) => setPages((now) => now.filter((p, i) => `${i}-${p.name}` !== removed.uid))}
        >
          <Button disabled={uploading !== undefined || running}>Chọn ảnh trang</Button>
        </Upload>
      </Form.Item>
      <Button onClick={() => void start()} loading={uploading !== undefined || running} disabled={pages.length === 0}>
        Số hóa {pages.length > 0 ? `${pages.length} trang` : ''}
      </Button>
      {uploading !== undefined && <Progress percent={uploading} aria-label="Tiến độ tải ảnh lên" />}
      {running && (
        <div>
          <Typography.Text>Đang số hóa và nhận dạng chữ…</Typography.Text>
          <Progress percent={Math.round(job.data?.progress ?? 0)} status="active" aria-label="Tiến độ số hóa" />
        </div>
      )}
      {job.data?.state === 'failed' && (
        <Alert type="error" showIcon title={`Số hóa không thành công: ${job.data.error?.message ?? 'lỗi không rõ'}`} />
      )}
      {done && (
        <Alert type="success" showIcon data-testid="scan-done" title={`Đã số hóa: một tệp PDF ${done.pageCount} trang, dùng cho văn bản này.`} />
      )}
    </Space>
  );
}
