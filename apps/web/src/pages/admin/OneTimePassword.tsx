import { Alert, Descriptions, Typography } from 'antd';

/** The one-time password the API answers once (hire, reset): shown here, to be handed over in person. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title="Mật khẩu dùng một lần chỉ hiển thị lần này"
        description="Hãy trao trực tiếp cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập đầu tiên."
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="Tên đăng nhập">
          <Typography.Text copyable data-testid="one-time-username">
            {username}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Mật khẩu dùng một lần">
          <Typography.Text copyable code data-testid="one-time-password">
            {password}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
