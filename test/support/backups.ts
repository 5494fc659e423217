import { Client } from './http';
import { RunningProcess, waitFor } from './processes';

/**
 * Waits until a backup is no longer queued or running. On a timeout the error carries the end of
 * the worker's output: what the worker said is the only clue to a backup that never finished.
 * `worker` is read when needed, since suites restart it with other settings.
 */
export function backupSettled(admin: Client, id: string, worker: () => RunningProcess) {
  return waitFor(
    async () => {
      const res = await admin.get(`/api/v1/admin/backups/${id}`);
      return ['succeeded', 'failed'].includes(res.body.status) ? res.body : undefined;
    },
    `backup ${id} to finish`,
    180_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\nworker output (last 3000 characters):\n${worker().output().slice(-3000)}`);
  });
}

/** POST /admin/backups, then its settled run. */
export async function backupNow(admin: Client, worker: () => RunningProcess) {
  const res = await admin.post('/api/v1/admin/backups');
  expect(res.status).toBe(202);
  return backupSettled(admin, res.body.id, worker);
}
