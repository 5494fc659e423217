import { Alert, Button, List, Typography } from 'antd';

/** The ten recovery codes, shown this once only (the API keeps only their hashes). */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <>
      <Alert type="warning" showIcon title="Lưu các mã khôi phục này ở nơi an toàn: chúng chỉ hiển thị một lần." style={{ marginBottom: 16 }} />
      <List size="small" bordered dataSource={codes} renderItem={(code) => <List.Item><Typography.Text code>{code}</Typography.Text></List.Item>} />
      <Button type="primary" block style={{ marginTop: 16 }} onClick={onDone}>
        Tôi đã lưu, tiếp tục
      </Button>
    </>
  );
}
