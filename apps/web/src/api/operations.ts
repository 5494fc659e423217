// Vận hành: what the API offers an administrator about the installation itself — backups and their
// restore drills (docs/backups.md), the worker's schedules and failed jobs, the audit chain's check
// (docs/operations.md, docs/audit.md). Nothing here is computed by the page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api, authorizedFetch } from './client';
import { ApiError } from './problem';
import type { components } from './schema';

export type BackupRun = components['schemas']['BackupRunDto'];
export type RestoreDrill = components['schemas']['RestoreDrillDto'];
export type FailedJob = components['schemas']['FailedJobDto'];
export type Schedule = components['schemas']['ScheduleDto'];
export type AuditVerification = components['schemas']['AuditVerificationDto'];
export type FixityCheck = components['schemas']['FixityCheckDto'];
export type UnusedAccountReport = components['schemas']['UnusedAccountReportDto'];

const keys = { all: ['admin', 'operations'] as const };

/** A run still queued or running is polled until it ends, so the page shows its outcome by itself. */
const pollWhileBusy = (status: string | undefined) => (status === 'queued' || status === 'running' ? 3_000 : false);

export function useBackups(page: number) {
  return useQuery({
    queryKey: [...keys.all, 'backups', page],
    queryFn: () => answer(api.GET('/api/v1/admin/backups', { params: { query: { page, pageSize: 20 } } })),
    refetchInterval: (q) => (q.state.data?.items.some((r) => pollWhileBusy(r.status)) ? 3_000 : false),
  });
}

export function useBackup(id: string) {
  return useQuery({
    queryKey: [...keys.all, 'backup', id],
    queryFn: () => answer(api.GET('/api/v1/admin/backups/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => pollWhileBusy(q.state.data?.status),
  });
}

export function useDrills() {
  return useQuery({
    queryKey: [...keys.all, 'drills'],
    queryFn: () => answer(api.GET('/api/v1/admin/backups/drills', { params: { query: { page: 1, pageSize: 20 } } })),
    refetchInterval: (q) => (q.state.data?.items.some((r) => pollWhileBusy(r.status)) ? 3_000 : false),
  });
}

export function useSchedules() {
  return useQuery({ queryKey: [...keys.all, 'schedules'], queryFn: () => answer(api.GET('/api/v1/admin/schedules')) });
}

export function useFailedJobs() {
  return useQuery({ queryKey: [...keys.all, 'failed-jobs'], queryFn: () => answer(api.GET('/api/v1/admin/jobs/failed')) });
}

/** A fixity check the page started (the API lists none): followed until it ends. */
export function useFixityCheck(id: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'fixity', id],
    queryFn: () => answer(api.GET('/api/v1/admin/fixity-checks/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
    refetchInterval: (q) => pollWhileBusy(q.state.data?.status),
  });
}

export function useUnusedAccountReports() {
  return useQuery({
    queryKey: [...keys.all, 'unused-accounts'],
    queryFn: () => answer(api.GET('/api/v1/admin/unused-account-reports', { params: { query: { page: 1, pageSize: 20 } } })),
    refetchInterval: (q) => (q.state.data?.items.some((r) => pollWhileBusy(r.status)) ? 3_000 : false),
  });
}

export function useUnusedAccountReport(id: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'unused-accounts', id],
    queryFn: () => answer(api.GET('/api/v1/admin/unused-account-reports/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

export function useRefreshOperations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export const operationCalls = {
  backupNow: () => answer(api.POST('/api/v1/admin/backups')),
  drillNow: () => answer(api.POST('/api/v1/admin/backups/drills')),
  retryJob: (queue: string, jobId: string) => retry(queue, jobId),
  verifyAudit: () => answer(api.GET('/api/v1/audit/verify')),
  checkpointAudit: () => answer(api.POST('/api/v1/audit/checkpoints')),
  fixityCheckNow: () => answer(api.POST('/api/v1/admin/fixity-checks')),
  unusedAccountReport: (months: number) => answer(api.POST('/api/v1/admin/unused-account-reports', { body: { months } })),
  /** Sets the dashboard's short-lived cookie; the page then opens the dashboard's address. */
  queueDashboard: () => answer(api.POST('/api/v1/admin/queues/session')),
};

/** The contract declares no path parameters for this route (openapi.json), so the typed client cannot fill them: the address is built here. */
async function retry(queue: string, jobId: string): Promise<FailedJob> {
  const url = `/api/v1/admin/jobs/${encodeURIComponent(queue)}/${encodeURIComponent(jobId)}/retry`;
  const res = await authorizedFetch(new Request(url, { method: 'POST' }));
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw ApiError.from(res.status, body);
  return body as FailedJob;
}
