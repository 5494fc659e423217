import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { count, query } from './support/db';
import { filePart, makePdf } from './support/documents';
import { Client } from './support/http';
import { scanPages, workDir } from './support/office-files';
import { Api, startApi } from './support/processes';

import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const org = ownOrganisation(loadRun());

/** SCAN_PAGES_PER_MINUTE: a clerk's scan pages per minute, shared by every API process (Redis). */
describe('scan pages per clerk per minute', () => {
  const dir = workDir('scan-rate');
  let isolated: IsolatedRun;
  let api: Api;
  let second: Api;
  let png: Buffer;

  beforeAll(async () => {
    isolated = await isolatedRun(loadRun(), 'scan_rate');
    const page = join(dir, 'trang.pdf');
    writeFileSync(page, await makePdf('Trang quet'));
    [png] = scanPages(page, dir, 'png', 72);
    // No worker: the jobs only need to exist. Two API processes, one limit of 3 pages.
    [api, second] = await Promise.all([startApi(isolated.run, { SCAN_PAGES_PER_MINUTE: '3' }), startApi(isolated.run, { SCAN_PAGES_PER_MINUTE: '3' })]);
  });
  afterAll(async () => {
    await api?.stop();
    await second?.stop();
    await isolated?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function twoPagePdf(text: string): Promise<Buffer> {
    const doc = await PDFDocument.load(await makePdf(text));
    doc.addPage([595, 842]);
    return Buffer.from(await doc.save());
  }
  const scan = (client: Client, bytes: Buffer, name: string, type: string) => client.post('/api/v1/scans', filePart(new FormData(), 'file', bytes, name, type));

  it('counts PDF pages and page images, then refuses with 429 and Retry-After, storing nothing, in every API process', async () => {
    const clerk = await org.signIn(api.url, 'clerk');
    expect((await scan(clerk, await twoPagePdf('hai trang'), 'hai-trang.pdf', 'application/pdf')).status).toBe(202);
    expect((await scan(clerk, png, 'trang.png', 'image/png')).status).toBe(202); // 3 of 3

    const db = isolated.run.databaseUrl;
    const [files, jobs] = [await count(db, 'stored_file'), await count(db, 'job_run')];
    const fresh = await makePdf(`chua tung gui ${Date.now()}`);
    const key = createHash('sha256').update(fresh).digest('hex');
    for (const url of [api.url, second.url]) {
      const refused = await scan(new Client(url, clerk.accessToken), fresh, 'moi.pdf', 'application/pdf');
      expect([refused.status, refused.body.code]).toEqual([429, 'SCAN_RATE_LIMITED']);
      expect(refused.body.detail).toMatch(/thử lại sau \d+ giây/);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
    }
    // Refused before the body was read: no record, no job, not even an unrecorded blob.
    expect([await count(db, 'stored_file'), await count(db, 'job_run')]).toEqual([files, jobs]);
    expect(existsSync(join(isolated.run.fileStoreDir, 'sha256', key.slice(0, 2), key.slice(2, 4), key))).toBe(false);
    expect(await query(db, 'SELECT id FROM stored_file WHERE sha256 = $1', [key])).toEqual([]);

    // The limit is per clerk: the school's clerk still scans.
    const otherClerk = await org.signIn(second.url, 'schoolClerk');
    expect((await scan(otherClerk, png, 'trang.png', 'image/png')).status).toBe(202);
  });
});
