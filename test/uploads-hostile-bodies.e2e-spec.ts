import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { createUnit, hireActivePerson, Person } from './support/accounts';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { count } from './support/db';
import { filePart, makePdf } from './support/documents';
import { Api, scaledBudget, startApi, waitFor } from './support/processes';
import { filesIn, MultipartPlan, multipartHead, multipartTail, newBoundary, openDescriptors, pdfStart, sendAndAbort, sendAndRead } from './support/raw-http';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
const IDLE_SECONDS = 2;

type Caller = 'admin' | 'clerk' | 'officer' | 'leader';

/** One route of each multipart family, with a file part it stores on disk while it arrives. */
const ROUTES: { path: string; field: string; as: Caller; type?: string }[] = [
  { path: '/api/v1/files', field: 'file', as: 'officer' },
  { path: '/api/v1/incoming', field: 'scan', as: 'clerk' },
  { path: `/api/v1/incoming/${randomUUID()}/close`, field: 'file', as: 'officer' },
  { path: '/api/v1/scans', field: 'file', as: 'clerk' },
  { path: '/api/v1/outgoing', field: 'draft', as: 'officer' },
  { path: `/api/v1/outgoing/${randomUUID()}/versions`, field: 'draft', as: 'officer' },
  { path: `/api/v1/outgoing/${randomUUID()}/appendices`, field: 'file', as: 'officer' },
  { path: `/api/v1/outgoing/${randomUUID()}/sign/plugin/${randomUUID()}`, field: 'file', as: 'leader' },
  { path: '/api/v1/signatures/verify', field: 'file', as: 'officer' },
  { path: '/api/v1/certificates', field: 'image', as: 'officer', type: 'image/png' },
  { path: '/api/v1/directory/import', field: 'units', as: 'admin', type: 'text/csv' },
];

/** GET /health on a connection of its own that closes after the answer. */
function health(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/health`, { agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hostile multipart bodies: truncated, aborted and slow uploads never hurt the API', () => {
  let isolated: IsolatedRun;
  let api: Api;
  let pid: number;
  let tmpDir: string;
  const tokens = {} as Record<Caller, string>;
  let officer: Person;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'uploads_hostile');
    api = await startApi(isolated.run, { UPLOAD_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS) });
    pid = api.child.pid!;
    tmpDir = join(isolated.run.fileStoreDir, 'tmp');
    const admin = await org.signIn(api.url, 'admin');
    const agency = org.agency;
    const unit = await createUnit(admin, { parentId: agency.id, name: 'Phòng Tải lên' });
    const hire = (role: string) => hireActivePerson(admin, { unitId: unit.id, roles: [role] });
    officer = await hire('officer');
    const [clerk, leader] = [await hire('clerk'), await hire('leader')];
    Object.assign(tokens, { admin: admin.accessToken, clerk: clerk.client.accessToken, officer: officer.client.accessToken, leader: leader.client.accessToken });
  }, scaledBudget(120_000));
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  function plan(route: (typeof ROUTES)[number], sent: (boundary: string) => Buffer, announced?: number): MultipartPlan {
    const boundary = newBoundary();
    const body = sent(boundary);
    return { path: route.path, token: tokens[route.as], field: route.field, boundary, sent: body, contentLength: announced ?? body.length };
  }
  const head = (route: (typeof ROUTES)[number], boundary: string) =>
    multipartHead(route.field, route.type === 'image/png' ? 'anh.png' : 'tep.pdf', boundary, route.type);
  /** The descriptors the API holds on temp files: one per upload still arriving. */
  const tempDescriptors = () => openDescriptors(pid, tmpDir).inside.length;

  async function expectNothingLeftBehind(before: { fds: number; temps: number }) {
    // Polled: a refused upload's clean-up may finish just after its answer.
    await waitFor(
      async () => {
        const now = { fds: openDescriptors(pid).total, intoTemp: tempDescriptors(), temps: filesIn(tmpDir).length };
        return now.fds <= before.fds && now.intoTemp === 0 && now.temps <= before.temps ? true : undefined;
      },
      'the API to hold no more descriptors or temp files than before',
      60_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}: before ${JSON.stringify(before)}, now fds ${openDescriptors(pid).total}, temp fds ${tempDescriptors()}, temp files ${filesIn(tmpDir).join(',')}`);
    });
    expect(await health(api.url)).toBe(200);
    expect(api.child.exitCode).toBeNull();
  }

  async function baseline() {
    // Connections of the set-up (keep-alive) may still be open: they only make this more lenient.
    return { fds: openDescriptors(pid).total, temps: filesIn(tmpDir).length };
  }

  it('answers a body that ends before its closing boundary with 400 MULTIPART_INCOMPLETE, on every multipart route', async () => {
    const before = await baseline();
    const outcomes: string[] = [];
    // Cut right after the part's headers (the part stream fails at once, while its receive is
    // still getting ready), and cut after a good part of the file.
    for (const cut of [Buffer.from('%PDF-1.7\n'), pdfStart()]) {
      for (const route of ROUTES) {
        const reply = await sendAndRead(api.url, plan(route, (b) => Buffer.concat([head(route, b), cut])));
        outcomes.push(`${route.path}: ${reply.status} ${reply.body.code}`);
        expect(await health(api.url)).toBe(200);
      }
    }
    expect(outcomes).toEqual([...ROUTES, ...ROUTES].map((r) => `${r.path}: 400 MULTIPART_INCOMPLETE`));
    await expectNothingLeftBehind(before);
  });

  it('lets go of the temp file and its descriptor when the client drops mid-upload', async () => {
    const before = await baseline();
    for (const route of ROUTES) {
      // 1 MiB, more than an upload held in memory (IN_MEMORY_UPLOAD_BYTES, 512 KiB): this one is being
      // written to a temp file when it drops. (A smaller one drops from memory: the truncated-body test.)
      const partial = plan(route, (b) => Buffer.concat([head(route, b), pdfStart(1024 * 1024)]), 50 * 1024 * 1024);
      // Compare the temp files held open, not their number: the previous route's file may be let go
      // just as this one opens, and the count would not move (seen at load 6).
      const open = new Set(openDescriptors(pid, tmpDir).inside);
      // (A file removed while still open reads "<path> (deleted)": that is the old one going, not a new one.)
      const isNew = (path: string) => !open.has(path) && !path.endsWith(' (deleted)');
      const storing = async () => (openDescriptors(pid, tmpDir).inside.some(isNew) ? true : undefined);
      // Drop the connection once the upload is being written to a temp file.
      await sendAndAbort(api.url, partial, () => waitFor(storing, `${route.path} to start storing`, 30_000));
      expect(await health(api.url)).toBe(200);
    }
    await expectNothingLeftBehind(before);
  });

  it(`cuts off an upload that goes silent with 408 UPLOAD_IDLE_TIMEOUT after ${IDLE_SECONDS} s, keeping nothing`, async () => {
    const before = await baseline();
    const replies = await Promise.all(
      ROUTES.map(async (route) => {
        const reply = await sendAndRead(api.url, plan(route, (b) => Buffer.concat([head(route, b), pdfStart(4096)]), 10 * 1024 * 1024));
        return `${route.path}: ${reply.status} ${reply.body.code}`;
      }),
    );
    expect(replies).toEqual(ROUTES.map((r) => `${r.path}: 408 UPLOAD_IDLE_TIMEOUT`));
    await expectNothingLeftBehind(before);
  });

  it('refuses a file name longer than 255 characters with FILE_NAME_TOO_LONG, and still takes a good upload', async () => {
    const pdf = await makePdf('ten tep dai');
    const long = filePart(new FormData(), 'file', pdf, `${'Công văn số 12 '.repeat(20)}.pdf`);
    const refused = await officer.client.post('/api/v1/files', long);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'FILE_NAME_TOO_LONG' });
    const fine = await officer.client.post('/api/v1/files', filePart(new FormData(), 'file', pdf, `${'a'.repeat(251)}.pdf`));
    expect(fine.status).toBe(201);
    // A complete, well-formed body on a raw connection, to show the hostile ones above were the only difference.
    const route = ROUTES[0];
    const good = await sendAndRead(api.url, plan(route, (b) => Buffer.concat([head(route, b), pdf, multipartTail(b)])));
    expect(good.status).toBe(201);
  });

  it('refuses unreadable scans at upload: password-protected PDF, cut-off PNG, a PNG header announcing a giant page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoffice-unreadable-'));
    try {
      writeFileSync(join(dir, 'plain.pdf'), await makePdf('mat khau'));
      execFileSync('qpdf', ['--encrypt', 'doc', 'chu', '256', '--', join(dir, 'plain.pdf'), join(dir, 'locked.pdf')]);
      const locked = readFileSync(join(dir, 'locked.pdf'));
      const png = pngImage(64, 64);
      const cases: [Buffer, string, string, number, string][] = [
        [locked, 'locked.pdf', 'application/pdf', 422, 'PDF_ENCRYPTED'],
        [png.subarray(0, png.length - 20), 'cut.png', 'image/png', 400, 'IMAGE_INVALID'],
        [pngImage(40_000, 40_000), 'bomb.png', 'image/png', 422, 'PAGE_TOO_LARGE'],
      ];
      const before = await count(isolated.run.databaseUrl, 'stored_file');
      const outcomes = [];
      for (const [bytes, name, type] of cases) {
        const reply = await officer.client.post('/api/v1/files', filePart(new FormData(), 'file', bytes, name, type));
        outcomes.push([reply.status, reply.body.code]);
      }
      expect(outcomes).toEqual(cases.map(([, , , status, code]) => [status, code]));
      expect(await count(isolated.run.databaseUrl, 'stored_file')).toBe(before);
      const intact = await officer.client.post('/api/v1/files', filePart(new FormData(), 'file', png, 'ok.png', 'image/png'));
      expect(intact.status).toBe(201);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A real grey PNG; only its first rows are stored, the header says how large it is. */
function pngImage(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  const rows = Buffer.alloc((width + 1) * Math.min(height, 64), 0x80);
  for (let row = 0; row < Math.min(height, 64); row += 1) rows[row * (width + 1)] = 0;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
