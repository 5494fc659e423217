import { Queue } from 'bullmq';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { closeWithResult, registerIncoming } from './support/documents';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

async function notificationsOf(client: Client, documentId: string) {
  const res = await client.get('/api/v1/notifications?pageSize=200');
  return res.body.items.filter((n) => n.documentId === documentId);
}

describe('in-app notifications made by the worker', () => {
  let api: Api;
  let worker: RunningProcess;
  let clerk: Client;
  let director: Client;
  let head: Client;
  let officer: Client;

  beforeAll(async () => {
    const ownQueues = { QUEUE_PREFIX: `${run.queuePrefix}_notify` };
    api = await startApi(run, ownQueues);
    worker = startWorker(run, ownQueues);
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, head, officer] = await Promise.all([sign('clerk'), sign('director'), sign('head'), sign('officer')]);
  });
  afterAll(async () => {
    await api.stop();
    await worker.stop();
  });

  it('tells the leader of a submission, the assignees of an assignment, and the lead of a reopening', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Thông báo giao việc' });
    await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id });
    await waitFor(async () => ((await notificationsOf(director, body.id)).length ? true : undefined), 'the leader’s notification');
    const [submitted] = await notificationsOf(director, body.id);
    expect(submitted).toMatchObject({ kind: 'submitted', readAt: null, title: expect.stringContaining('Thông báo giao việc') });

    await director.post(`/api/v1/incoming/${body.id}/assign`, { lead: { unitId: org.teaching.id }, coordinators: [], informed: [] });
    // The lead is a unit with nobody named: its head is told, not its members.
    await waitFor(async () => ((await notificationsOf(head, body.id)).length ? true : undefined), 'the unit head’s notification');
    expect((await notificationsOf(officer, body.id))).toEqual([]);

    await head.post(`/api/v1/incoming/${body.id}/assign`, { lead: { userId: org.people.officer.id }, coordinators: [], informed: [] });
    await waitFor(async () => ((await notificationsOf(officer, body.id)).length ? true : undefined), 'the officer’s notification');
    expect((await notificationsOf(officer, body.id))[0].kind).toBe('assigned');

    await closeWithResult(officer, body.id);
    await director.post(`/api/v1/incoming/${body.id}/reopen`, { reason: 'Bổ sung' });
    await waitFor(async () => {
      const kinds = (await notificationsOf(officer, body.id)).map((n: { kind: string }) => n.kind);
      return kinds.includes('reopened') ? true : undefined;
    }, 'the reopening notification');

    expect((await officer.post(`/api/v1/notifications/${submitted.id}/read`)).status).toBe(404); // not theirs
    expect((await director.post(`/api/v1/notifications/${submitted.id}/read`)).status).toBe(204);
    const unread = await director.get('/api/v1/notifications?unread=true&pageSize=200');
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(submitted.id);
  });

  it('reminds of deadlines once per deadline: due soon and overdue', async () => {
    const soon = await registerIncoming(clerk, { subject: 'Sắp đến hạn' });
    const late = await registerIncoming(clerk, { subject: 'Đã quá hạn' });
    for (const doc of [soon.body, late.body]) {
      await clerk.post(`/api/v1/incoming/${doc.id}/submit`, { leaderId: org.people.director.id });
      await director.post(`/api/v1/incoming/${doc.id}/assign`, {
        lead: { userId: org.people.officer.id },
        coordinators: [],
        informed: [],
        dueInWorkingDays: 1,
      });
    }
    // Move one deadline into the past, as if days had gone by.
    await query(run.databaseUrl, `UPDATE incoming_document SET due_date = current_date - 3 WHERE id = $1`, [late.body.id]);

    const queue = new Queue('notifications', { connection: { url: run.redisUrl }, prefix: `${run.queuePrefix}_notify` });
    try {
      for (let i = 0; i < 2; i += 1) {
        const job = await queue.add('incoming-deadline-reminders', {});
        await waitFor(async () => ((await job.isCompleted()) ? true : undefined), 'the reminder job');
      }
    } finally {
      await queue.close();
    }
    expect((await notificationsOf(officer, soon.body.id)).map((n: { kind: string }) => n.kind).sort()).toEqual(['assigned', 'due_soon']);
    expect((await notificationsOf(officer, late.body.id)).map((n: { kind: string }) => n.kind).sort()).toEqual(['assigned', 'overdue']);
  });
});
