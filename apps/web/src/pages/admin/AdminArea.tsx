// Quản trị: the administrator's pages, one chunk for the area's frame and one per page (lazyPage),
// so nobody else downloads them. A person without the admin role gets the 403 page, not the forms;
// the API refuses their calls anyway (docs/authorization.md).
import { Navigate, Route, Routes } from 'react-router';
import { lazyPage } from '../../routing/lazy-page';
import { hasRole, useProfile } from '../../session/SessionContext';
import { NotFoundPage } from '../NotFoundPage';
import { ForbiddenPage } from '../ForbiddenPage';

const PeoplePage = lazyPage(() => import('./PeoplePage').then((m) => m.PeoplePage));
const PersonPage = lazyPage(() => import('./PersonPage').then((m) => m.PersonPage));
const UnitsPage = lazyPage(() => import('./UnitsPage').then((m) => m.UnitsPage));
const RegistersPage = lazyPage(() => import('./RegistersPage').then((m) => m.RegistersPage));
const CertificatesPage = lazyPage(() => import('./CertificatesPage').then((m) => m.CertificatesPage));
const OperationsPage = lazyPage(() => import('./OperationsPage').then((m) => m.OperationsPage));
const AgenciesPage = lazyPage(() => import('./AgenciesPage').then((m) => m.AgenciesPage));
const BackupPage = lazyPage(() => import('./BackupPage').then((m) => m.BackupPage));

export function AdminArea() {
  const profile = useProfile();
  if (!hasRole(profile, 'admin')) return <ForbiddenPage />;
  return (
    <Routes>
      <Route index element={<Navigate to="people" replace />} />
      <Route path="people" element={<PeoplePage />} />
      <Route path="people/:id" element={<PersonPage />} />
      <Route path="units" element={<UnitsPage />} />
      <Route path="registers" element={<RegistersPage />} />
      <Route path="certificates" element={<CertificatesPage />} />
      <Route path="agencies" element={<AgenciesPage />} />
      <Route path="operations" element={<OperationsPage />} />
      <Route path="backups/:id" element={<BackupPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
