import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { Client } from './support/http';
import { count, query } from './support/db';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

function form(field: string, data: Buffer, filename: string, type = 'application/pdf'): FormData {
  const body = new FormData();
  body.append(field, new Blob([new Uint8Array(data)], { type }), filename);
  return body;
}

describe('files and fixity checks', () => {
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    api = await startApi(run, { UPLOAD_MAX_BYTES: String(256 * 1024) });
    worker = startWorker(run);
    admin = await org.signIn(api.url, 'admin');
    officer = await org.signIn(api.url, 'officer');
  });
  afterAll(async () => {
    await api.stop();
    await worker.stop();
  });

  it('stores an upload byte-exact under its SHA-256 and streams it back', async () => {
    const pdf = await makePdf('Cong van so 01 - e2e upload');
    const res = await officer.post('/api/v1/files', form('file', pdf, 'Công văn 01.pdf'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sha256: sha256(pdf), sizeBytes: pdf.length, mimeType: 'application/pdf', originalName: 'Công văn 01.pdf' });
    const [row] = await query(run.databaseUrl, 'SELECT sha256, storage_key FROM stored_file WHERE id = $1', [res.body.id]);
    expect(row.sha256).toBe(sha256(pdf));
    expect(sha256(readFileSync(join(run.fileStoreDir, row.storage_key)))).toBe(sha256(pdf));
    const download = await fetch(`${api.url}/api/v1/files/${res.body.id}`, {
      headers: { authorization: `Bearer ${officer.accessToken}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(pdf));
  });

  it('does not show a file to someone who may not see it (404, not 403)', async () => {
    const pdf = await makePdf('private');
    const { body } = await officer.post('/api/v1/files', form('file', pdf, 'a.pdf'));
    const clerk = await org.signIn(api.url, 'clerk');
    expect((await clerk.get(`/api/v1/files/${body.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/files/${body.id}`)).status).toBe(200);
  });

  it('refuses a file whose bytes are not of an allowed type, whatever its name, and records nothing', async () => {
    const before = await count(run.databaseUrl, 'stored_file');
    const fake = Buffer.from('#!/bin/sh\necho this is not a pdf\n');
    const res = await officer.post('/api/v1/files', form('file', fake, 'scan.pdf'));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await count(run.databaseUrl, 'stored_file')).toBe(before);
  });

  it('refuses an oversized upload with FILE_TOO_LARGE and records nothing', async () => {
    const before = await count(run.databaseUrl, 'stored_file');
    const big = Buffer.concat([await makePdf('big'), Buffer.alloc(300 * 1024, 0x20)]);
    const res = await officer.post('/api/v1/files', form('file', big, 'big.pdf'));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
    expect(await count(run.databaseUrl, 'stored_file')).toBe(before);
  });

  it('refuses a missing file part, an unknown part and a non-multipart body', async () => {
    const empty = new FormData();
    empty.append('note', 'x');
    expect((await officer.post('/api/v1/files', empty)).body.code).toBe('VALIDATION_FAILED');
    const pdf = await makePdf('x');
    expect((await officer.post('/api/v1/files', form('other', pdf, 'a.pdf'))).body.code).toBe('VALIDATION_FAILED');
    const json = await officer.post('/api/v1/files', { file: 'x' });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('runs a fixity check in the worker and finds a file altered on disk', async () => {
    const pdf = await makePdf('fixity target');
    const upload = await officer.post('/api/v1/files', form('file', pdf, 'target.pdf'));
    const clean = await runFixityCheck(admin);
    expect(clean.status).toBe('completed');
    expect(clean.filesChecked).toBe(await count(run.databaseUrl, 'stored_file'));
    expect(clean.mismatches).toEqual([]);

    const [row] = await query(run.databaseUrl, 'SELECT storage_key FROM stored_file WHERE id = $1', [upload.body.id]);
    const path = join(run.fileStoreDir, row.storage_key);
    const altered = readFileSync(path);
    altered[altered.length - 10] ^= 0xff;
    writeFileSync(path, altered);

    const report = await runFixityCheck(admin);
    expect(report.mismatchCount).toBe(1);
    expect(report.mismatches).toEqual([
      {
        fileId: upload.body.id,
        storageKey: row.storage_key,
        expectedSha256: sha256(pdf),
        actualSha256: sha256(altered),
        problem: 'altered',
      },
    ]);
  });

  it('lets only administrators request fixity checks', async () => {
    const res = await officer.post('/api/v1/admin/fixity-checks');
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('keeps an intact audit chain of everything above', async () => {
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ intact: true, firstBrokenId: null });
    expect(verify.body.eventsChecked).toBeGreaterThan(5);
  });
});

async function runFixityCheck(admin: Client) {
  const requested = await admin.post('/api/v1/admin/fixity-checks');
  expect(requested.status).toBe(202);
  return waitFor(async () => {
    const res = await admin.get(`/api/v1/admin/fixity-checks/${requested.body.id}`);
    return ['completed', 'failed'].includes(res.body.status) ? res.body : undefined;
  }, 'the fixity check to finish');
}
