import { randomUUID } from 'node:crypto';
import { pdfsigResults } from '../libs/signing/test';
import { query } from './support/db';
import { Client } from './support/http';
import { createDraft, download, draftMetadata, OutgoingMetadata, reviewThrough, TestPki } from './support/outgoing';
import { Api, scaledBudget, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import type { RemoteSigningSimulator } from './support/remote-signing-simulator';
import { SigningWorld, startSigningWorld } from './support/signing-world';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let world: SigningWorld;
let run: E2eRun;

interface BatchItem { position: number; documentId: string; status: string; sessionId: string | null; failureStatus: number | null; failureCode: string | null }
interface Batch { id: string; method: string; status: string; transactionId: string | null; remoteStatus: string | null; counts: { signed: number; failed: number; pending: number }; items: BatchItem[] }

/**
 * Ký hàng loạt (issue 16.4): a leader signs N approved drafts with one action; each draft gets its
 * own revision, audit entry, notification and later its own number; one that cannot be signed is
 * reported with its code and stays retryable; a CSC provider gets one transaction (one confirmation
 * on the phone) for all of them.
 */
describe('batch signing of outgoing drafts (ký hàng loạt)', () => {
  let api: Api;
  let sim: RemoteSigningSimulator;
  let pki: TestPki;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let admin: Client;
  let base: OutgoingMetadata;

  beforeAll(async () => {
    world = await startSigningWorld(baseRun, org, 'outgoing_batch', { simulator: true, directorCertificate: true, agencySeal: true });
    ({ run, pki, sim, api, officer, head, clerk, director, admin } = world);
    sim.addSigner('director-credential', pki.issue(org.people.director.fullName), [pki.ca.certificate]);
    expect((await admin.put(`/api/v1/remote-signing/signers/${org.people.director.id}`, { credentialId: 'director-credential' })).status).toBe(200);
    base = await draftMetadata(org, { subject: 'Về việc cử cán bộ tham dự tập huấn' });
  }, scaledBudget(300_000));
  afterAll(() => world?.close());

  async function approvedDrafts(count: number, label: string, overrides: Partial<OutgoingMetadata> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = await createDraft(officer, { ...base, subject: `${base.subject} — ${label} ${i + 1}`, ...overrides });
      expect(created.status).toBe(201);
      const signer = overrides.signerId === org.people.head.id ? head : director;
      await reviewThrough(created.body.id, officer, head, clerk, signer);
      ids.push(created.body.id);
    }
    return ids;
  }

  const signBatch = (ids: string[], method: 'stored' | 'remote' = 'stored', who = director) => who.post('/api/v1/outgoing/sign-batch', { ids, method });
  const batchOf = async (id: string): Promise<Batch> => (await director.get(`/api/v1/outgoing/sign-batches/${id}`)).body;
  const statusOf = async (id: string): Promise<{ status: string; timeline: { action: string; data: Record<string, unknown> }[] }> => (await director.get(`/api/v1/outgoing/${id}`)).body;
  const useProvider = async (protocol: 'csc' | 'sp769', timeoutSeconds = 300, pollSeconds = 1): Promise<string> => {
    const res = await admin.put('/api/v1/remote-signing/provider', {
      protocol, baseUrl: protocol === 'csc' ? sim.cscUrl : sim.sp769Url, credentialsKey: 'simulator', timeoutSeconds, pollSeconds,
    });
    expect(res.status).toBe(200);
    return res.body.id;
  };
  const settled = (batchId: string, what: string) => waitFor(async () => {
    const batch = await batchOf(batchId);
    return batch.status === 'completed' ? batch : undefined;
  }, what, 60_000);

  it('signs 20 drafts with one call: each its own valid signature, audit entry, notification, and later its own consecutive number', async () => {
    const ids = await approvedDrafts(20, 'lô 20');
    const started = Date.now();
    const res = await signBatch(ids);
    // The figure for docs/outgoing.md: the whole batch is signed within the one request.
    console.log(`sign-batch of 20 drafts, stored key: ${Date.now() - started} ms (load ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
    expect(res.status).toBe(200);
    const batch: Batch = res.body;
    expect([batch.method, batch.status, batch.counts]).toEqual(['stored', 'completed', { signed: 20, failed: 0, pending: 0 }]);
    expect(batch.items.map((i) => [i.position, i.documentId, i.status])).toEqual(ids.map((id, i) => [i, id, 'signed']));
    expect(await batchOf(batch.id)).toEqual(batch);

    for (const id of ids) {
      const detail = await statusOf(id);
      expect(detail.status).toBe('signed');
      expect(detail.timeline.filter((e) => e.action === 'sign').map((e) => e.data.batchId)).toEqual([batch.id]);
      expect(pdfsigResults(await download(director, `/api/v1/outgoing/${id}/pdf`))).toMatchObject({ valid: 1, invalid: 0 });
    }
    const audited = await query(run.databaseUrl, "SELECT entity_id FROM audit_event WHERE action = 'outgoing.sign' AND data->>'batchId' = $1", [batch.id]);
    expect(audited.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    // Each draft tells the clerks it waits for a number, on its own.
    await waitFor(async () => {
      const res = await clerk.get('/api/v1/notifications?pageSize=200');
      const told = new Set((res.body.items as { outgoingDocumentId: string | null }[]).map((n) => n.outgoingDocumentId));
      return ids.every((id) => told.has(id)) || undefined;
    }, 'the clerks told about each draft');

    const numbers: number[] = [];
    for (const id of ids) {
      const issued = await clerk.post(`/api/v1/outgoing/${id}/issue`, {});
      expect([issued.status, issued.body.status]).toEqual([200, 'issued']);
      numbers.push(issued.body.number!);
    }
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0] + i));
  });

  it('refuses an empty list, one over 50, a draft named twice, a non-leader, and shows a batch only to its signer', async () => {
    const empty = await signBatch([]);
    expect([empty.status, empty.body.code]).toEqual([400, 'SIGN_BATCH_EMPTY']);
    const tooMany = await signBatch(Array.from({ length: 51 }, () => randomUUID()));
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'SIGN_BATCH_TOO_LARGE']);
    const id = randomUUID();
    const twice = await signBatch([id, randomUUID(), id.toUpperCase()]);
    expect([twice.status, twice.body.code]).toEqual([400, 'SIGN_BATCH_DUPLICATE']);
    const notUuid = await signBatch(['not-a-uuid']);
    expect([notUuid.status, notUuid.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badMethod = await director.post('/api/v1/outgoing/sign-batch', { ids: [id], method: 'carrier-pigeon' });
    expect([badMethod.status, badMethod.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const officerTries = await signBatch([id], 'stored', officer);
    expect([officerTries.status, officerTries.body.code]).toEqual([403, 'FORBIDDEN']);

    const [draft] = await approvedDrafts(1, 'người khác xem');
    const mine = await signBatch([draft]);
    expect(mine.status).toBe(200);
    const other = await head.get(`/api/v1/outgoing/sign-batches/${mine.body.id}`);
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('a draft not waiting for this leader is reported with its code; the others are signed; the failed one signs later', async () => {
    const [first, last] = await approvedDrafts(2, 'lô lẫn');
    const notSubmitted = (await createDraft(officer, { ...base, subject: `${base.subject} — chưa trình` })).body.id as string;
    const [headsOwn] = await approvedDrafts(1, 'người ký khác', { signerId: org.people.head.id });
    const unknown = randomUUID();
    const res = await signBatch([first, notSubmitted, headsOwn, unknown, last]);
    expect(res.status).toBe(200);
    const batch: Batch = res.body;
    expect(batch.counts).toEqual({ signed: 2, failed: 3, pending: 0 });
    const byId = new Map(batch.items.map((i) => [i.documentId, i]));
    expect([byId.get(first)!.status, byId.get(last)!.status]).toEqual(['signed', 'signed']);
    expect([byId.get(notSubmitted)!.status, byId.get(notSubmitted)!.failureStatus, byId.get(notSubmitted)!.failureCode]).toEqual(['failed', 409, 'INVALID_TRANSITION']);
    // Another leader's draft the director may not see: 404, as the single route answers (a denied item is always 404).
    expect([byId.get(headsOwn)!.failureStatus, byId.get(headsOwn)!.failureCode]).toEqual([404, 'NOT_FOUND']);
    expect((await director.post(`/api/v1/outgoing/${headsOwn}/sign`, {})).status).toBe(404);
    expect([byId.get(unknown)!.failureStatus, byId.get(unknown)!.failureCode]).toEqual([404, 'NOT_FOUND']);
    expect((await head.get(`/api/v1/outgoing/${headsOwn}`)).body.status).toBe('approved');

    await reviewThrough(notSubmitted, officer, head, clerk, director);
    const again = await signBatch([notSubmitted, first]);
    expect(again.body.items.map((i: BatchItem) => [i.status, i.failureCode])).toEqual([['signed', null], ['failed', 'ALREADY_SIGNED']]);
    expect((await statusOf(notSubmitted)).status).toBe('signed');
  });

  it('two identical batches at once sign each draft once; the other batch says ALREADY_SIGNED for it', async () => {
    const ids = await approvedDrafts(6, 'song song');
    const [a, b] = await Promise.all([signBatch(ids), signBatch(ids)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    for (const [position, id] of ids.entries()) {
      const outcomes = [a.body.items[position], b.body.items[position]] as BatchItem[];
      expect(outcomes.map((o) => o.status).sort()).toEqual(['failed', 'signed']);
      expect(outcomes.find((o) => o.status === 'failed')).toMatchObject({ failureStatus: 409, failureCode: 'ALREADY_SIGNED' });
      expect((await statusOf(id)).timeline.filter((e) => e.action === 'sign')).toHaveLength(1);
    }
  });

  it('csc: one transaction with every hash (numSignatures), one confirmation signs them all; a draft in the wrong state is left out', async () => {
    await useProvider('csc');
    const ids = await approvedDrafts(5, 'từ xa');
    const wrongState = (await createDraft(officer, { ...base, subject: `${base.subject} — từ xa chưa trình` })).body.id as string;
    const before = sim.transactions.length;
    const res = await signBatch([...ids, wrongState], 'remote');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ signed: 0, failed: 1, pending: 5 });
    expect(res.body.items[5]).toMatchObject({ documentId: wrongState, status: 'failed', failureCode: 'INVALID_TRANSITION' });
    expect(sim.transactions.length).toBe(before + 1);
    const sent = sim.last();
    expect([sent.protocol, sent.id, sent.hashes.length]).toEqual(['csc', res.body.transactionId, 5]);
    expect(sent.hashes.every((h) => Buffer.from(h, 'base64').length === 32)).toBe(true);
    // A second batch over the same drafts while they wait on the phone: each one says so.
    const twice = await signBatch(ids, 'remote');
    expect(twice.body.items.map((i: BatchItem) => i.failureCode)).toEqual(ids.map(() => 'REMOTE_SIGNING_PENDING'));
    expect(sim.transactions.length).toBe(before + 1);

    sim.confirm(sent.id);
    const done = await settled(res.body.id, 'the batch signed');
    expect([done.remoteStatus, done.counts]).toEqual(['signed', { signed: 5, failed: 1, pending: 0 }]);
    for (const id of ids) {
      const detail = await statusOf(id);
      expect(detail.status).toBe('signed');
      expect(detail.timeline.filter((e) => e.action === 'sign').map((e) => e.data.batchId)).toEqual([res.body.id]);
      expect(pdfsigResults(await download(director, `/api/v1/outgoing/${id}/pdf`))).toMatchObject({ valid: 1, invalid: 0 });
    }
  });

  it('csc: a rejection on the phone leaves every draft approved and retryable; the next batch signs them, hurried by callbacks', async () => {
    await useProvider('csc');
    const ids = await approvedDrafts(3, 'từ chối');
    const first = await signBatch(ids, 'remote');
    sim.reject(first.body.transactionId!);
    const rejected = await settled(first.body.id, 'the rejection');
    expect(rejected.remoteStatus).toBe('rejected');
    expect(rejected.items.map((i) => [i.status, i.failureCode])).toEqual(ids.map(() => ['failed', 'REMOTE_SIGNING_REJECTED']));
    for (const id of ids) expect((await statusOf(id)).status).toBe('approved');

    // Polls far apart now: the provider's callback (sent twice) is what finishes the second batch.
    const providerId = await useProvider('csc', 300, 120);
    const second = await signBatch(ids, 'remote');
    expect(second.body.counts.pending).toBe(3);
    sim.confirm(second.body.transactionId!);
    const provider = new Client(api.url);
    const callback = () => provider.post(`/api/v1/remote-signing/callback/${providerId}`, { responseID: second.body.transactionId });
    const answers = await Promise.all([callback(), callback()]);
    expect(answers.map((a) => [a.status, a.body.status])).toEqual([[200, 'signed'], [200, 'signed']]);
    expect((await settled(second.body.id, 'the second batch')).counts).toEqual({ signed: 3, failed: 0, pending: 0 });
    for (const id of ids) expect((await statusOf(id)).timeline.filter((e) => e.action === 'sign')).toHaveLength(1);
  });

  it('csc: no confirmation before the provider’s timeout expires the batch; every draft stays approved', async () => {
    await useProvider('csc', 10);
    const ids = await approvedDrafts(2, 'hết hạn');
    const res = await signBatch(ids, 'remote');
    const expired = await settled(res.body.id, 'the expiry');
    expect(expired.items.map((i) => i.failureCode)).toEqual(['REMOTE_SIGNING_EXPIRED', 'REMOTE_SIGNING_EXPIRED']);
    for (const id of ids) expect((await statusOf(id)).status).toBe('approved');
  });

  it('sp769 signs one document per transaction: the batch asks once per draft and follows each', async () => {
    await useProvider('sp769');
    const ids = await approvedDrafts(2, 'sp769');
    const before = sim.transactions.length;
    const res = await signBatch(ids, 'remote');
    expect([res.status, res.body.transactionId, res.body.counts.pending]).toEqual([200, null, 2]);
    const sent = sim.transactions.slice(before);
    expect(sent.map((t) => t.protocol)).toEqual(['sp769', 'sp769']);
    for (const t of sent) sim.confirm(t.id);
    expect((await settled(res.body.id, 'both signed')).counts).toEqual({ signed: 2, failed: 0, pending: 0 });
  });
});
