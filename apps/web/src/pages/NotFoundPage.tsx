import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** A page or a document that does not exist — or that this person may not see: the API says 404 for both. */
export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy"
      subTitle="Trang hoặc văn bản không tồn tại, hoặc bạn không có quyền xem."
      extra={<Button type="primary" onClick={() => navigate('/inbox')}>Về trang chính</Button>}
    />
  );
}
