import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { query } from './support/db';
import { Client } from './support/http';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';

import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const org = ownOrganisation(loadRun());

/** The installation's checkpoint key for this suite only. */
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const KEY_PEM = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

interface Checkpoint {
  name: string;
  created: boolean;
  format: string;
  count: number;
  headHash: string | null;
  createdAt: string;
  keyId: string;
  algorithm: string;
  signature: string;
}

/** As an outside verifier would (docs/audit.md): the body's fields in key order, as JSON, against the public key. */
function signatureHolds(file: Omit<Checkpoint, 'name' | 'created'>): boolean {
  const { algorithm, signature, ...body } = file;
  const signed = JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => (a < b ? -1 : 1))));
  return algorithm === 'Ed25519' && verify(null, Buffer.from(signed), publicKey, Buffer.from(signature, 'base64'));
}

describe('signed checkpoints of the audit chain catch a removed tail', () => {
  let isolated: IsolatedRun;
  let api: Api;
  let admin: Client;
  // Its own file store: the checkpoints of this suite must not meet another suite's database.
  const fileStoreDir = mkdtempSync(join(tmpdir(), 'eoffice-audit-ckpt-'));
  const env = { FILE_STORE_DIR: fileStoreDir, AUDIT_CHECKPOINT_KEY: KEY_PEM, AUDIT_CHECKPOINT_CRON: '', LOG_LEVEL: 'info' };

  beforeAll(async () => {
    isolated = await isolatedRun(loadRun(), 'audit_ckpt');
    api = await startApi(isolated.run, env);
    admin = await org.signIn(api.url, 'admin');
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
    rmSync(fileStoreDir, { recursive: true, force: true });
  });

  it('publishes a signed, write-once checkpoint into the file store and the logs', async () => {
    const res = await admin.post('/api/v1/audit/checkpoints', {});
    expect(res.status).toBe(201);
    const checkpoint = res.body as Checkpoint;
    expect(checkpoint).toMatchObject({ created: true, format: 'eoffice-audit-checkpoint/1', algorithm: 'Ed25519' });
    expect(checkpoint.count).toBeGreaterThan(0);
    const [head] = await query(isolated.run.databaseUrl, 'SELECT chain_seq, hash FROM audit_event WHERE chain_seq = $1', [checkpoint.count]);
    expect(head.hash).toBe(checkpoint.headHash);

    const path = join(fileStoreDir, checkpoint.name);
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk).toEqual(Object.fromEntries(Object.entries(checkpoint).filter(([k]) => k !== 'name' && k !== 'created')));
    expect(signatureHolds(onDisk)).toBe(true);
    expect(signatureHolds({ ...onDisk, count: onDisk.count - 1 })).toBe(false);
    expect(createPublicKey(privateKey).export({ format: 'pem', type: 'spki' })).toBe(publicKey.export({ format: 'pem', type: 'spki' }));
    await waitFor(async () => (api.output().includes(`"event":"audit.checkpoint"`) ? true : undefined), 'the checkpoint in the log');
    const logged = api.output().split('\n').find((l) => l.includes(`"event":"audit.checkpoint"`))!;
    expect(JSON.parse(logged)).toMatchObject({ name: checkpoint.name, count: checkpoint.count, signature: checkpoint.signature });

    // The publication is itself audited, so the next checkpoint is a new, later file; the first stays as it was.
    const before = readFileSync(path);
    const next = (await admin.post('/api/v1/audit/checkpoints', {})).body as Checkpoint;
    expect(next.count).toBeGreaterThan(checkpoint.count);
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(join(fileStoreDir, 'checkpoints')).sort()).toEqual([checkpoint.name, next.name].map((n) => n.split('/')[1]).sort());
  });

  it('verifies the chain against the latest checkpoint', async () => {
    const latest = (await admin.post('/api/v1/audit/checkpoints', {})).body as Checkpoint;
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({
      intact: true,
      firstBrokenId: null,
      truncatedAfterCheckpoint: false,
      checkpoint: { name: latest.name, count: latest.count, headHash: latest.headHash, signatureValid: true, matchesChain: true },
    });
    expect(verify.body.eventsChecked).toBeGreaterThanOrEqual(latest.count);
  });

  it('reports the tail deleted behind the application’s back, with the triggers off', async () => {
    const latest = (await admin.post('/api/v1/audit/checkpoints', {})).body as Checkpoint;
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true, truncatedAfterCheckpoint: false });
    // The last three lines the checkpoint vouches for, and anything after them: a clean cut, the chain itself still links.
    await query(
      isolated.run.databaseUrl,
      `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change;
       DELETE FROM audit_event WHERE chain_seq > ${latest.count - 3} OR chain_seq IS NULL;
       ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change;`,
    );
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({
      intact: false,
      firstBrokenId: null,
      truncatedAfterCheckpoint: true,
      checkpoint: { name: latest.name, count: latest.count, signatureValid: true, matchesChain: false },
    });
    expect(verify.body.eventsChecked).toBeLessThan(latest.count);
  });

  it('reports a checkpoint whose signature does not hold', async () => {
    const forged = { format: 'eoffice-audit-checkpoint/1', count: 999_999_999, headHash: 'f'.repeat(64), createdAt: new Date().toISOString(), keyId: 'x', algorithm: 'Ed25519', signature: Buffer.alloc(64).toString('base64') };
    writeFileSync(join(fileStoreDir, 'checkpoints', '000999999999.json'), JSON.stringify(forged));
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ intact: false, checkpoint: { name: 'checkpoints/000999999999.json', signatureValid: false } });
    rmSync(join(fileStoreDir, 'checkpoints', '000999999999.json'));
  });

  it('writes sign-in failures and refusals as structured security events', async () => {
    expect((await new Client(api.url).post('/api/v1/auth/login', { username: 'admin', password: 'wrong-Password1!' })).status).toBe(401);
    const officer = await org.signIn(api.url, 'clerk');
    expect((await officer.get('/api/v1/audit/verify')).status).toBe(403);
    const events = () =>
      api
        .output()
        .split('\n')
        .filter((l) => l.includes('"category":"security"'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    // The log is asynchronous: wait for the 403 itself (the 401 above is a refusal event too).
    await waitFor(async () => (events().some((e) => e.event === 'security.request_refused' && e.status === 403) ? true : undefined), 'the 403 refusal event');
    expect(events()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'security.sign_in_failed', username: 'admin', code: 'INVALID_CREDENTIALS' }),
        expect.objectContaining({ event: 'security.request_refused', status: 403, code: 'FORBIDDEN', method: 'GET', path: '/api/v1/audit/verify' }),
      ]),
    );
    expect(api.output()).not.toContain('wrong-Password1!');
  });
});

describe('the worker publishes checkpoints on its schedule', () => {
  let isolated: IsolatedRun;
  let worker: RunningProcess;
  const fileStoreDir = mkdtempSync(join(tmpdir(), 'eoffice-audit-cron-'));

  beforeAll(async () => {
    isolated = await isolatedRun(loadRun(), 'audit_cron');
  });
  afterAll(async () => {
    await worker?.stop();
    await isolated?.dispose();
    rmSync(fileStoreDir, { recursive: true, force: true });
  });

  it('writes a checkpoint of the sealed chain every tick of AUDIT_CHECKPOINT_CRON', async () => {
    worker = startWorker(isolated.run, { FILE_STORE_DIR: fileStoreDir, AUDIT_CHECKPOINT_KEY: KEY_PEM, AUDIT_CHECKPOINT_CRON: '*/2 * * * * *' });
    const dir = join(fileStoreDir, 'checkpoints');
    const files = await waitFor(
      async () => (existsSync(dir) && readdirSync(dir).length >= 2 ? readdirSync(dir).sort() : undefined),
      'two scheduled checkpoints',
      120_000,
    );
    const last = JSON.parse(readFileSync(join(dir, files[files.length - 1]), 'utf8'));
    expect(signatureHolds(last)).toBe(true);
    const [row] = await query(isolated.run.databaseUrl, 'SELECT hash FROM audit_event WHERE chain_seq = $1', [last.count]);
    expect(row.hash).toBe(last.headHash);
  });
});
