// The signed-in part of the app: the menu frame and the pages, each page its own chunk (lazyPage).
// Ant Design's App (messages, modals, notifications) lives here, not in the entry: sign-in needs none.
import { App as AntApp } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { lazyPage } from './routing/lazy-page';

const InboxPage = lazyPage(() => import('./pages/incoming/InboxPage').then((m) => m.InboxPage));
const IncomingListPage = lazyPage(() => import('./pages/incoming/IncomingListPage').then((m) => m.IncomingListPage));
const RegisterIncomingPage = lazyPage(() => import('./pages/incoming/RegisterIncomingPage').then((m) => m.RegisterIncomingPage));
const IncomingDetailPage = lazyPage(() => import('./pages/incoming/IncomingDetailPage').then((m) => m.IncomingDetailPage));
const OutgoingListPage = lazyPage(() => import('./pages/outgoing/OutgoingListPage').then((m) => m.OutgoingListPage));
const NewOutgoingPage = lazyPage(() => import('./pages/outgoing/NewOutgoingPage').then((m) => m.NewOutgoingPage));
const OutgoingDetailPage = lazyPage(() => import('./pages/outgoing/OutgoingDetailPage').then((m) => m.OutgoingDetailPage));
// Leadership and the clerk's office (issue 19 items 3 and 6): statistics and register books.
const DashboardPage = lazyPage(() => import('./pages/stats/DashboardPage').then((m) => m.DashboardPage));
const RegisterBooksPage = lazyPage(() => import('./pages/registers/RegisterBooksPage').then((m) => m.RegisterBooksPage));
// Notifications, records and the intake queue (issue 19: what the API has beside the two walks).
const NotificationsPage = lazyPage(() => import('./pages/notifications/NotificationsPage').then((m) => m.NotificationsPage));
const NotificationSettingsPage = lazyPage(() => import('./pages/notifications/NotificationSettingsPage').then((m) => m.NotificationSettingsPage));
const RecordsPage = lazyPage(() => import('./pages/records/RecordsPage').then((m) => m.RecordsPage));
const RecordPage = lazyPage(() => import('./pages/records/RecordPage').then((m) => m.RecordPage));
const IntakePage = lazyPage(() => import('./pages/intake/IntakePage').then((m) => m.IntakePage));
// Quản trị (administrators): one chunk for the area, which loads each of its pages lazily too.
const AdminArea = lazyPage(() => import('./pages/admin/AdminArea').then((m) => m.AdminArea));
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage));

export function SignedInApp() {
  return (
    <AntApp>
      <AppLayout>
        <Routes>
          <Route path="/" element={<Navigate to="/inbox" replace />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/incoming" element={<IncomingListPage />} />
          <Route path="/incoming/new" element={<RegisterIncomingPage />} />
          <Route path="/incoming/:id" element={<IncomingDetailPage />} />
          <Route path="/outgoing" element={<OutgoingListPage />} />
          <Route path="/outgoing/new" element={<NewOutgoingPage />} />
          <Route path="/outgoing/:id" element={<OutgoingDetailPage />} />
          <Route path="/stats" element={<DashboardPage />} />
          <Route path="/registers" element={<RegisterBooksPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/notifications/settings" element={<NotificationSettingsPage />} />
          <Route path="/records" element={<RecordsPage />} />
          <Route path="/records/:id" element={<RecordPage />} />
          <Route path="/intake" element={<IntakePage />} />
          <Route path="/admin/*" element={<AdminArea />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AppLayout>
    </AntApp>
  );
}
