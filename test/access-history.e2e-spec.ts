import { Api, startApi, waitFor } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { createDraft, draftMetadata } from './support/outgoing';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

interface View {
  viewerId: string;
  action: string;
  fileId: string | null;
  viewedAt: string;
  ip: string | null;
  userAgent: string | null;
}

describe('access history: every view of a document is recorded', () => {
  let api: Api;
  let clerk: Client;
  let director: Client;
  let leadership: Client; // the deputy
  let outsider: Client; // officer of another unit

  beforeAll(async () => {
    api = await startApi(run, { VIEW_FLUSH_MS: '200' });
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, leadership, outsider] = await Promise.all([sign('clerk'), sign('director'), sign('deputy'), sign('otherOfficer')]);
  });
  afterAll(() => api.stop());

  it('records who opened the detail and the scan, when and from where, for the managers to read', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Lịch sử truy cập' });
    const id = body.id as string;
    await clerk.post(`/api/v1/incoming/${id}/submit`, { leaderId: org.people.director.id });
    const agent = { 'user-agent': `e2e-access-history/${Date.now()}` };
    const detail = await leadership.get(`/api/v1/incoming/${id}`, agent);
    expect(detail.status).toBe(200);
    expect((await leadership.get(`/api/v1/files/${detail.body.scanFileId}`, agent)).status).toBe(200);

    const views = await waitFor(async () => {
      const res = await clerk.get(`/api/v1/incoming/${id}/views`);
      const mine = (res.body.items as View[]).filter((v) => v.userAgent === agent['user-agent']);
      return mine.length >= 2 ? mine : undefined;
    }, 'the views to be written', 30_000);
    const deputyId = org.people.deputy.id;
    expect(views.map((v) => v.action).sort()).toEqual(['detail', 'file']);
    expect(views.every((v) => v.viewerId === deputyId && /127\.0\.0\.1|::1/.test(v.ip ?? '') && Date.parse(v.viewedAt) > Date.now() - 120_000)).toBe(true);
    expect(views.find((v) => v.action === 'file')!.fileId).toBe(detail.body.scanFileId);

    // The leader it was submitted to reads it too; paged, newest first.
    const paged = await director.get(`/api/v1/incoming/${id}/views?pageSize=1&page=1`);
    expect(paged.status).toBe(200);
    expect(paged.body).toMatchObject({ page: 1, pageSize: 1, total: expect.any(Number) });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThanOrEqual(2);

    // Seeing the document is not managing it; not seeing it is not knowing it exists.
    expect((await leadership.get(`/api/v1/incoming/${id}/views`)).status).toBe(403);
    expect((await outsider.get(`/api/v1/incoming/${id}/views`)).status).toBe(404);
    expect((await clerk.get(`/api/v1/incoming/${id}/views?pageSize=1000`)).status).toBe(400);
  });

  it('records the outgoing detail and PDF for the author', async () => {
    const author = await org.signIn(api.url, 'officer');
    const draft = await createDraft(author, await draftMetadata(org, { subject: 'Lịch sử truy cập văn bản đi' }));
    expect(draft.status).toBe(201);
    const id = draft.body.id as string;
    const agent = { 'user-agent': `e2e-outgoing-views/${Date.now()}` };
    expect((await author.get(`/api/v1/outgoing/${id}`, agent)).status).toBe(200);
    expect((await author.get(`/api/v1/outgoing/${id}/pdf`, agent)).status).toBe(200);
    const views = await waitFor(async () => {
      const res = await author.get(`/api/v1/outgoing/${id}/views`);
      const mine = (res.body.items as View[]).filter((v) => v.userAgent === agent['user-agent']);
      return mine.length >= 2 ? mine : undefined;
    }, 'the outgoing views to be written', 30_000);
    expect(views.map((v) => v.action).sort()).toEqual(['detail', 'file']);
  });

  it('keeps a view answered just before the API is killed (SIGKILL, no shutdown hook)', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Xem ngay trước khi tắt đột ngột' });
    const id = body.id as string;
    // A flush interval far longer than the test: only a write before the answer can keep the view.
    const doomed = await startApi(run, { VIEW_FLUSH_MS: '60000' });
    try {
      const reader = await org.signIn(doomed.url, 'clerk');
      const agent = { 'user-agent': `e2e-view-before-kill/${Date.now()}` };
      expect((await reader.get(`/api/v1/incoming/${id}`, agent)).status).toBe(200);
      doomed.child.kill('SIGKILL');
      expect(await doomed.exited).toBe('SIGKILL');
      const rows = await query(run.databaseUrl, 'SELECT action FROM document_view WHERE document_id = $1 AND user_agent = $2', [id, agent['user-agent']]);
      expect(rows.map((r) => r.action)).toEqual(['detail']);
    } finally {
      await doomed.stop();
    }
  });
});
