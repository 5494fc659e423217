import { Button, Divider, Form, Input, Progress, Radio, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { closeWithReply, type IncomingDetail } from '../../../api/incoming';
import { isIssued, useRepliesTo } from '../../../api/outgoing';
import { closeIncoming, MAX_UPLOAD_BYTES } from '../../../api/upload';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { OUTGOING_STATUS_LABELS } from '../../../components/outgoing-labels';
import { useAction } from './useAction';

type Way = 'result' | 'reply';

/**
 * Kết thúc (lead or leader): with the result note and the result file, or by linking the reply — an
 * outgoing document issued in answer to this one (the API checks that it is). A reply not issued yet
 * is listed, disabled, with its state; "Soạn văn bản trả lời" starts one already linked.
 */
export function CloseAction({ document }: { document: IncomingDetail }) {
  const { busy, error, run } = useAction('Đã kết thúc xử lý');
  const [way, setWay] = useState<Way>('result');
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const replies = useRepliesTo(document.id);
  const finish = (v: { note?: string; replyOutgoingId?: string }) => {
    if (way === 'reply') return void run(() => closeWithReply(document.id, v.replyOutgoingId!, v.note?.trim() || undefined));
    if (!file) return setFileError('Chọn tệp kết quả.');
    void run(async () => {
      setProgress(0);
      try {
        await closeIncoming(document.id, v.note!.trim(), file, setProgress);
      } finally {
        setProgress(undefined);
      }
    });
  };
  const replyOptions = (replies.data?.items ?? []).map((r) => ({
    value: r.id,
    disabled: !isIssued(r.status),
    label: `${r.numberSymbol ?? 'Chưa có số'} — ${r.subject} (${OUTGOING_STATUS_LABELS[r.status]})`,
  }));
  return (
    <>
      <Divider />
      <Form name="close" layout="vertical" onFinish={finish}>
        <ErrorAlert error={error} />
        <Form.Item label="Kết thúc bằng">
          <Radio.Group
            value={way}
            onChange={(e) => setWay(e.target.value as Way)}
            options={[{ value: 'result', label: 'Kết quả và tệp kết quả' }, { value: 'reply', label: 'Văn bản trả lời' }]}
          />
        </Form.Item>
        {way === 'reply' ? (
          <>
            <Form.Item label="Văn bản trả lời đã phát hành" name="replyOutgoingId" rules={[{ required: true, message: 'Chọn văn bản trả lời đã phát hành' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={replyOptions} loading={replies.isFetching} notFoundContent="Chưa có văn bản đi nào trả lời văn bản này" />
            </Form.Item>
            <Typography.Paragraph>
              <Link to={`/outgoing/new?replyTo=${document.id}`}>Soạn văn bản trả lời</Link>
            </Typography.Paragraph>
            <Form.Item label="Ghi chú" name="note" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : (
          <>
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
          </>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          Kết thúc
        </Button>
      </Form>
    </>
  );
}
