import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** A page the person's roles do not open (the API would answer 403 FORBIDDEN to its calls). */
export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Trang này chỉ dành cho quản trị hệ thống. Nếu cần, hãy liên hệ người quản trị của cơ quan."
      extra={<Button type="primary" onClick={() => navigate('/inbox')}>Về trang chính</Button>}
    />
  );
}
