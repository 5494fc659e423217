import { Button, Divider, Form, Input, Progress, Upload } from 'antd';
import { useState } from 'react';
import type { IncomingDetail } from '../../../api/incoming';
import { closeIncoming } from '../../../api/upload';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MAX_UPLOAD_BYTES } from '../../../api/upload';
import { useAction } from './useAction';

/** Kết thúc (lead or leader): the result note and the result file. */
export function CloseAction({ document }: { document: IncomingDetail }) {
  const { busy, error, run } = useAction('Đã kết thúc xử lý');
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const finish = (v: { note: string }) => {
    if (!file) return setFileError('Chọn tệp kết quả.');
    void run(async () => {
      setProgress(0);
      try {
        await closeIncoming(document.id, v.note.trim(), file, setProgress);
      } finally {
        setProgress(undefined);
      }
    });
  };
  return (
    <>
      <Divider />
      <Form name="close" layout="vertical" onFinish={finish}>
        <ErrorAlert error={error} />
        <Form.Item label="Kết quả xử lý" name="note" rules={[{ required: true, whitespace: true, message: 'Nhập kết quả xử lý' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="Tệp kết quả" required validateStatus={fileError ? 'error' : undefined} help={fileError}>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              const problem = f.size === 0 ? 'Tệp rỗng.' : f.size > MAX_UPLOAD_BYTES ? 'Tệp quá lớn.' : undefined;
              setFileError(problem);
              setFile(problem ? undefined : f);
              return problem ? Upload.LIST_IGNORE : false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>Chọn tệp kết quả</Button>
          </Upload>
        </Form.Item>
        {progress !== undefined && <Progress percent={progress} aria-label="Tiến độ tải lên" />}
        <Button type="primary" htmlType="submit" loading={busy}>
          Kết thúc
        </Button>
      </Form>
    </>
  );
}
