import { createHash } from 'node:crypto';
import { createUnit, hireActivePerson, Person } from './support/accounts';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { count, query } from './support/db';
import { filePart, incomingMetadata, IncomingMetadata, makePdf } from './support/documents';
import { Client, Reply } from './support/http';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('uploads under concurrency: shared blobs are never lost, one Idempotency-Key makes one document', () => {
  let isolated: IsolatedRun;
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let clerk: Person;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'uploads_race');
    api = await startApi(isolated.run);
    worker = startWorker(isolated.run);
    admin = await org.signIn(api.url, 'admin');
    const agency = org.agency;
    const unit = await createUnit(admin, { parentId: agency.id, name: 'Văn thư Đồng thời' });
    clerk = await hireActivePerson(admin, { unitId: unit.id, roles: ['clerk'] });
  }, scaledBudget(120_000));
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await isolated?.dispose();
  });

  function register(meta: Partial<IncomingMetadata>, scan: Buffer, headers: Record<string, string> = {}): Promise<Reply> {
    const form = new FormData();
    form.append('metadata', JSON.stringify(incomingMetadata(meta)));
    filePart(form, 'scan', scan, 'scan.pdf');
    return clerk.client.post('/api/v1/incoming', form, headers);
  }

  async function runFixityCheck() {
    const requested = await admin.post('/api/v1/admin/fixity-checks');
    expect(requested.status).toBe(202);
    return waitFor(
      async () => {
        const res = await admin.get(`/api/v1/admin/fixity-checks/${requested.body.id}`);
        return ['completed', 'failed'].includes(res.body.status) ? res.body : undefined;
      },
      'the fixity check to finish',
      120_000,
    );
  }

  it('keeps the scan of a good registration that races refused ones carrying the same new bytes', async () => {
    const trials = 6;
    const goodFiles: { fileId: string; sha: string }[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      // New bytes each trial: no record refers to them before the race starts.
      const scan = await makePdf(`race ${trial} ${Date.now()} ${Math.random()}`);
      const refused = Array.from({ length: 4 }, () => register({ urgency: 'someday' }, scan));
      const good = register({ sourceNumberSymbol: `${trial + 1}/RACE-${Date.now() % 100000}` }, scan);
      const [goodReply, ...refusedReplies] = await Promise.all([good, ...refused]);
      expect(refusedReplies.map((r) => r.status)).toEqual([400, 400, 400, 400]);
      expect(goodReply.status).toBe(201);
      const [doc] = await query(isolated.run.databaseUrl, 'SELECT scan_file_id FROM incoming_document WHERE id = $1', [goodReply.body.id]);
      goodFiles.push({ fileId: doc.scan_file_id, sha: sha256(scan) });
    }
    const lost: string[] = [];
    for (const { fileId, sha } of goodFiles) {
      const res = await fetch(`${api.url}/api/v1/files/${fileId}`, { headers: { authorization: `Bearer ${clerk.client.accessToken}` } });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || sha256(bytes) !== sha) lost.push(`${fileId}: ${res.status}`);
    }
    expect(lost).toEqual([]);
    const fixity = await runFixityCheck();
    expect(fixity.status).toBe('completed');
    const ours = new Set(goodFiles.map((f) => f.fileId));
    expect((fixity.mismatches as { fileId: string }[]).filter((m) => ours.has(m.fileId))).toEqual([]);
  }, scaledBudget(180_000));

  it('gives one document and nine replays for the same Idempotency-Key sent ten times at once', async () => {
    const scan = await makePdf(`idempotent ${Date.now()}`);
    const key = { 'idempotency-key': `e2e-burst-${Date.now()}` };
    const meta = { sourceNumberSymbol: `10/IDEM-${Date.now() % 100000}`, subject: 'Về việc gửi mười lần cùng lúc' };
    const before = await count(isolated.run.databaseUrl, 'incoming_document');
    const replies = await Promise.all(Array.from({ length: 10 }, () => register(meta, scan, key)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.filter((r) => r.body.replayed === false)).toHaveLength(1);
    expect(replies.filter((r) => r.body.replayed === true)).toHaveLength(9);
    expect(await count(isolated.run.databaseUrl, 'incoming_document')).toBe(before + 1);
    // The losers' transactions rolled back: the next registration gets the very next number.
    const next = await register({ sourceNumberSymbol: `11/IDEM-${Date.now() % 100000}` }, await makePdf(`next ${Date.now()}`));
    expect(next.body.incomingNumber).toBe(replies[0].body.incomingNumber + 1);
  });

  it('refuses a reused Idempotency-Key with another request: 409 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
    const scan = await makePdf(`reuse ${Date.now()}`);
    const key = { 'idempotency-key': `e2e-reuse-${Date.now()}` };
    const meta = { sourceNumberSymbol: `12/REUSE-${Date.now() % 100000}`, subject: 'Về việc dùng lại khóa' };
    const first = await register(meta, scan, key);
    expect(first.status).toBe(201);
    // The same request again, with its JSON keys in another order: a retry.
    const reordered = new FormData();
    reordered.append('metadata', JSON.stringify(Object.fromEntries(Object.entries(incomingMetadata(meta)).reverse())));
    filePart(reordered, 'scan', scan, 'other-name.pdf');
    const retry = await clerk.client.post('/api/v1/incoming', reordered, key);
    expect({ status: retry.status, id: retry.body.id, replayed: retry.body.replayed }).toEqual({ status: 201, id: first.body.id, replayed: true });

    const before = await count(isolated.run.databaseUrl, 'incoming_document');
    const otherSubject = await register({ ...meta, subject: 'Một văn bản khác hẳn' }, scan, key);
    const otherScan = await register(meta, await makePdf(`another scan ${Date.now()}`), key);
    for (const res of [otherSubject, otherScan]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    }
    expect(await count(isolated.run.databaseUrl, 'incoming_document')).toBe(before);
  });
});
