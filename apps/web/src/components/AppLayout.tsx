// The signed-in frame: a menu with only what the person's roles allow (docs/authorization.md), the
// person's name and sign-out. The API still checks every call: the menu only hides dead ends.
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { hasRole, useProfile, useSession, type Profile } from '../session/SessionContext';

interface Entry {
  path: string;
  label: string;
  visible: (profile: Profile) => boolean;
}

const ENTRIES: Entry[] = [
  { path: '/inbox', label: 'Việc cần xử lý', visible: () => true },
  { path: '/incoming', label: 'Văn bản đến', visible: () => true },
  { path: '/incoming/new', label: 'Vào sổ văn bản đến', visible: (p) => hasRole(p, 'clerk') },
  { path: '/outgoing', label: 'Văn bản đi', visible: (p) => hasRole(p, 'officer', 'leader', 'clerk', 'leadership') },
  { path: '/outgoing/new', label: 'Soạn văn bản đi', visible: (p) => hasRole(p, 'officer', 'leader') },
];

/** Quản trị: one group in the menu for the administrator's pages (pages/admin). */
const ADMIN_ENTRIES: Entry[] = [
  { path: '/admin/people', label: 'Người dùng', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/units', label: 'Cơ cấu tổ chức', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/registers', label: 'Sổ văn bản', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/certificates', label: 'Chứng thư số', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/operations', label: 'Vận hành', visible: (p) => hasRole(p, 'admin') },
];

export function AppLayout({ children }: { children: ReactNode }) {
  const profile = useProfile();
  const { signOut } = useSession();
  const location = useLocation();
  const entries = ENTRIES.filter((entry) => entry.visible(profile));
  const adminEntries = ADMIN_ENTRIES.filter((entry) => entry.visible(profile));
  const menuItem = (e: Entry) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> });
  const adminGroup = adminEntries.length > 0 ? [{ key: 'admin', label: 'Quản trị', children: adminEntries.map(menuItem) }] : [];
  const selected = [...entries, ...adminEntries].filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`)).map((e) => e.path).slice(-1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#003a8c' }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          Văn phòng điện tử
        </Typography.Text>
        <nav aria-label="Chức năng" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected}
            style={{ background: 'transparent' }}
            items={[...entries.map(menuItem), ...adminGroup]}
          />
        </nav>
        <Space>
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-as">
            {profile.fullName}
          </Typography.Text>
          <Button onClick={() => void signOut()}>Đăng xuất</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
