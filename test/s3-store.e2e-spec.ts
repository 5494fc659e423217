import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import S3rver from 's3rver';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { Client } from './support/http';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every regular file under a directory (s3rver keeps one file per object). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('file store on S3-compatible object storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'eoffice-e2e', configs: [] }] });
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  // A database and queues of its own: rows of S3 blobs must not reach the local-store suites' fixity checks.
  let isolated: IsolatedRun;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 's3');
    const run = isolated.run;
    const { port } = await server.run();
    const s3 = {
      FILE_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'eoffice-e2e',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    api = await startApi(run, s3);
    worker = startWorker(run, s3);
    admin = await org.signIn(api.url, 'admin');
  });
  afterAll(async () => {
    await api.stop();
    await worker.stop();
    await server.close();
    await isolated.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams an upload into the bucket under its SHA-256 and back out byte-exact', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = Buffer.from(await doc.save());
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(pdf)]), 'qd.pdf');
    const upload = await admin.post('/api/v1/files', body);
    expect(upload.status).toBe(201);
    expect(upload.body.sha256).toBe(sha256(pdf));
    const stored = filesUnder(dir).filter((f) => f.includes(sha256(pdf)) && f.endsWith('._S3rver_object'));
    expect(stored).toHaveLength(1);
    expect(sha256(readFileSync(stored[0]))).toBe(sha256(pdf));

    const download = await fetch(`${api.url}/api/v1/files/${upload.body.id}`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(pdf));

    // The same fixity check finds an object altered inside the bucket.
    const altered = readFileSync(stored[0]);
    altered[altered.length - 5] ^= 0xff;
    writeFileSync(stored[0], altered);
    const requested = await admin.post('/api/v1/admin/fixity-checks');
    const report = await waitFor(async () => {
      const res = await admin.get(`/api/v1/admin/fixity-checks/${requested.body.id}`);
      return res.body.status === 'completed' ? res.body : undefined;
    }, 'the fixity check');
    expect(report.mismatches).toEqual(
      expect.arrayContaining([expect.objectContaining({ fileId: upload.body.id, problem: 'altered', actualSha256: sha256(altered) })]),
    );
  });
});
