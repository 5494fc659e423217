// Which part of the app shows: sign-in, the forced password change, or the signed-in pages.
import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { IncomingDetailPage } from './pages/incoming/IncomingDetailPage';
import { IncomingListPage } from './pages/incoming/IncomingListPage';
import { InboxPage } from './pages/incoming/InboxPage';
import { RegisterIncomingPage } from './pages/incoming/RegisterIncomingPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useSession } from './session/SessionContext';

export function App() {
  const { state } = useSession();
  if (state.status === 'loading') return <Spin fullscreen tip="Đang tải…" />;
  if (state.status === 'signed_out') return <LoginPage />;
  if (state.profile.mustChangePassword) return <ChangePasswordPage />;
  return (
    <AppLayout>
      <Routes>
        <Route path="/" element={<Navigate to="/inbox" replace />} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/incoming" element={<IncomingListPage />} />
        <Route path="/incoming/new" element={<RegisterIncomingPage />} />
        <Route path="/incoming/:id" element={<IncomingDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}
