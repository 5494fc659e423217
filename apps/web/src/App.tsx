// Which part of the app shows: sign-in, the forced password change, or the signed-in pages. Each is
// its own chunk (docs/web.md, "Bundle"): the first page downloads only what it shows.
import { Spin } from 'antd';
import { useEffect } from 'react';
import { lazyPage } from './routing/lazy-page';
import { useSession } from './session/SessionContext';

const LoginPage = lazyPage(() => import('./pages/LoginPage').then((m) => m.LoginPage));
const ChangePasswordPage = lazyPage(() => import('./pages/ChangePasswordPage').then((m) => m.ChangePasswordPage));
const VerifyPage = lazyPage(() => import('./pages/VerifyPage').then((m) => m.VerifyPage));
const SignedInApp = lazyPage(() => import('./SignedInApp').then((m) => m.SignedInApp));

export function App() {
  const { state } = useSession();
  // While the person types a password, fetch the signed-in frame so the inbox follows without a wait.
  useEffect(() => {
    if (state.status === 'signed_out') SignedInApp.preload();
  }, [state.status]);
  // The printed verification link: public, whoever is (or is not) signed in.
  const verifying = /^\/verify\/([^/]+)$/.exec(window.location.pathname);
  if (verifying) return <VerifyPage token={decodeURIComponent(verifying[1])} />;
  if (state.status === 'loading') return <Spin fullscreen tip="Đang tải…" />;
  if (state.status === 'signed_out') return <LoginPage />;
  if (state.profile.mustChangePassword) return <ChangePasswordPage />;
  return <SignedInApp />;
}
