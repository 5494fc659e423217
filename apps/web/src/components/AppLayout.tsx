// The signed-in frame: a menu with only what the person's roles allow (docs/authorization.md), the
// person's name and sign-out. The API still checks every call: the menu only hides dead ends.
import { Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
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
  // Who may read the figures and print the books (docs/authorization.md, route matrix).
  { path: '/stats', label: 'Thống kê', visible: (p) => hasRole(p, 'leadership', 'leader', 'clerk') },
  { path: '/registers', label: 'Sổ văn bản', visible: (p) => hasRole(p, 'clerk', 'leader', 'leadership') },
  // The intake queue is the clerks' (docs/intake.md); records and notifications are everyone's.
  { path: '/intake', label: 'Văn bản chờ vào sổ', visible: (p) => hasRole(p, 'clerk') },
  { path: '/records', label: 'Hồ sơ', visible: () => true },
  { path: '/notifications', label: 'Thông báo', visible: () => true },
];

/** Quản trị: one group in the menu for the administrator's pages (pages/admin). */
const ADMIN_ENTRIES: Entry[] = [
  { path: '/admin/people', label: 'Người dùng', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/units', label: 'Cơ cấu tổ chức', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/registers', label: 'Sổ văn bản', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/certificates', label: 'Chứng thư số', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/agencies', label: 'Danh bạ cơ quan', visible: (p) => hasRole(p, 'admin') },
  { path: '/admin/operations', label: 'Vận hành', visible: (p) => hasRole(p, 'admin') },
];

export function AppLayout({ children }: { children: ReactNode }) {
  const profile = useProfile();
  const { signOut } = useSession();
  const location = useLocation();
  // A leader's phone (390 px): no title, the name shortened, narrower margins. Below a laptop's width
  // the entries are a "Chức năng" drop-down; wider, every entry shows in the bar, wrapping to a second
  // line rather than folding into a "…" (whose hidden copies of the links break accessibility).
  const screens = Grid.useBreakpoint();
  const wide = screens.sm !== false;
  const roomy = screens.lg !== false;
  const entries = ENTRIES.filter((entry) => entry.visible(profile));
  const adminEntries = ADMIN_ENTRIES.filter((entry) => entry.visible(profile));
  const menuItem = (e: Entry) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> });
  const adminGroup = adminEntries.length > 0 ? [{ key: 'admin', label: 'Quản trị', children: adminEntries.map(menuItem) }] : [];
  const all = [...entries, ...adminEntries];
  const selected = all.filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`)).map((e) => e.path).slice(-1);
  const items = [...entries.map(menuItem), ...adminGroup];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: wide ? 24 : 8, background: '#003a8c', padding: wide ? '0 24px' : '0 8px', height: 'auto', minHeight: 64, lineHeight: 'normal' }}
      >
        {wide && (
          <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            Văn phòng điện tử
          </Typography.Text>
        )}
        <nav aria-label="Chức năng" style={{ flex: 1, minWidth: 0 }}>
          {roomy ? (
            <Menu theme="dark" mode="horizontal" disabledOverflow selectedKeys={selected} style={{ background: 'transparent', flexWrap: 'wrap' }} items={items} />
          ) : (
            <Dropdown trigger={['click']} menu={{ items, selectedKeys: selected }}>
              <Button>{`☰ ${all.find((e) => e.path === selected[0])?.label ?? 'Chức năng'}`}</Button>
            </Dropdown>
          )}
        </nav>
        <Space size={wide ? 8 : 4}>
          <Typography.Text style={{ color: '#fff', maxWidth: wide ? undefined : 88 }} ellipsis={!wide} data-testid="signed-in-as">
            {profile.fullName}
          </Typography.Text>
          <Button onClick={() => void signOut()}>Đăng xuất</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 12 }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
