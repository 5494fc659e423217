import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type * as Core from '@eoffice/core';
import type * as Documents from '@eoffice/documents';
import { query } from './support/db';
import { filePart, incomingMetadata, makePdf } from './support/documents';
import { Client } from './support/http';
import { embeddedImages, htmlToPdf, imageOnlyPdf, pdfPages, pdfTextOf, scanPages, workDir } from './support/office-files';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun, processEnv, ROOT } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const ownQueues = { QUEUE_PREFIX: `${run.queuePrefix}_scans` };
// Words that occur only in the scanned pages, never in any document's metadata.
const PAGE_ONE = 'Trang một: Kế hoạch tổ chức Hội khỏe Phù Đổng cấp tỉnh';
const PAGE_TWO = 'Trang hai: Danh sách vận động viên đội tuyển bơi lội';
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const flat = (text: string) => text.replace(/\s+/g, ' ');

type Part = [bytes: Buffer, name: string, type: string];

describe('scans: page images or a PDF become a searchable PDF; incoming scans become searchable text', () => {
  const dir = workDir('scans');
  let api: Api;
  let worker: RunningProcess;
  let clerk: Client;
  let officer: Client;
  let leader: Client;
  let admin: Client;
  let pngs: Buffer[];
  let jpegs: Buffer[];
  let textPdf: Buffer;

  beforeAll(async () => {
    // First: the tools run synchronously, and an idle keep-alive connection must not go stale meanwhile.
    const printed = htmlToPdf(dir, 'to-trinh', [PAGE_ONE, PAGE_TWO]);
    textPdf = readFileSync(printed);
    pngs = scanPages(printed, dir, 'png');
    jpegs = scanPages(printed, dir, 'jpeg');
    api = await startApi(run, ownQueues);
    worker = startWorker(run, ownQueues);
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, officer, leader, admin] = await Promise.all([sign('clerk'), sign('officer'), sign('director'), sign('admin')]);
  }, scaledBudget(120_000));
  afterAll(async () => {
    await api.stop();
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function postScan(client: Client, parts: Part[]) {
    const form = new FormData();
    for (const [bytes, name, type] of parts) filePart(form, 'file', bytes, name, type);
    return client.post('/api/v1/scans', form);
  }

  async function finishedJob(client: Client, jobId: string) {
    return waitFor(
      async () => {
        const res = await client.get(`/api/v1/jobs/${jobId}`);
        return ['completed', 'failed'].includes(res.body.state) ? res.body : undefined;
      },
      `job ${jobId} to finish`,
      150_000,
    );
  }

  async function download(client: Client, fileId: string) {
    const res = await fetch(`${api.url}/api/v1/files/${fileId}`, { headers: { authorization: `Bearer ${client.accessToken}` } });
    expect(res.status).toBe(200);
    return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function searchIds(q: string): Promise<string[]> {
    const res = await clerk.get(`/api/v1/incoming?q=${encodeURIComponent(q)}&pageSize=200`);
    return res.body.items.map((i: { id: string }) => i.id);
  }

  function registerWith(metadata: Record<string, unknown>, scan?: Part) {
    const form = new FormData();
    form.append('metadata', JSON.stringify(incomingMetadata({ subject: 'Về việc thể thao học đường', ...metadata })));
    if (scan) filePart(form, 'scan', ...scan);
    return clerk.post('/api/v1/incoming', form);
  }

  let scannedPdfId: string;

  it('makes one searchable two-page PDF of a PNG and a JPEG page, keeping both images as scanned', async () => {
    const res = await postScan(clerk, [
      [pngs[0], 'trang-1.png', 'image/png'],
      [jpegs[1], 'trang-2.jpg', 'image/jpeg'],
    ]);
    expect(res.status).toBe(202);
    const job = await finishedJob(clerk, res.body.jobId);
    expect(job).toMatchObject({ state: 'completed', progress: 100, error: null, result: { pageCount: 2, ocr: true } });
    const { type, bytes } = await download(clerk, String(job.result!.fileId));
    expect(type).toBe('application/pdf');
    expect(sha256(bytes)).toBe(job.result!.sha256);
    expect(pdfPages(bytes, dir)).toBe(2);
    const text = flat(pdfTextOf(bytes, dir));
    expect(text).toContain('Phù Đổng');
    expect(text).toContain('bơi lội');
    expect(text.indexOf('Phù Đổng')).toBeLessThan(text.indexOf('bơi lội')); // pages in the order sent
    // img2pdf embeds the JPEG as it came from the scanner: not one byte re-encoded.
    expect(embeddedImages(bytes, dir).map(sha256)).toContain(sha256(jpegs[1]));
    scannedPdfId = String(job.result!.fileId);
  }, scaledBudget(180_000));

  it('shows a job to the person who started it and to administrators only', async () => {
    const { body } = await postScan(clerk, [[textPdf, 'co-chu.pdf', 'application/pdf']]);
    await finishedJob(clerk, body.jobId);
    for (const other of [officer, leader]) expect((await other.get(`/api/v1/jobs/${body.jobId}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/jobs/${body.jobId}`)).body.state).toBe('completed');
    expect((await clerk.get('/api/v1/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await postScan(officer, [[pngs[0], 'trang.png', 'image/png']])).status).toBe(403);
  }, scaledBudget(120_000));

  it('returns a PDF that already has text as it is, and adds a text layer to an image-only PDF', async () => {
    const withText = await finishedJob(clerk, (await postScan(clerk, [[textPdf, 'co-chu.pdf', 'application/pdf']])).body.jobId);
    expect(withText.result).toMatchObject({ ocr: false, sha256: sha256(textPdf), pageCount: 2 });
    const imagesOnly = imageOnlyPdf(pngs, dir, 'chi-anh');
    expect(pdfTextOf(imagesOnly, dir).trim()).toBe('');
    const ocred = await finishedJob(clerk, (await postScan(clerk, [[imagesOnly, 'chi-anh.pdf', 'application/pdf']])).body.jobId);
    expect(ocred.result).toMatchObject({ ocr: true, pageCount: 2 });
    const { bytes } = await download(clerk, String(ocred.result!.fileId));
    expect(flat(pdfTextOf(bytes, dir))).toContain('Phù Đổng');
    // The page images of the original PDF are untouched beneath the text.
    expect(embeddedImages(bytes, dir).map(sha256)).toEqual(embeddedImages(imagesOnly, dir).map(sha256));
  }, scaledBudget(180_000));

  it('refuses mixed or foreign input before any job is made', async () => {
    const mixed = await postScan(clerk, [
      [textPdf, 'a.pdf', 'application/pdf'],
      [pngs[0], 'b.png', 'image/png'],
    ]);
    expect([mixed.status, mixed.body.code]).toEqual([400, 'SCAN_INPUT_INVALID']);
    const text = await postScan(clerk, [[Buffer.from('không phải ảnh'), 'trang.png', 'image/png']]);
    expect([text.status, text.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    const none = await clerk.post('/api/v1/scans', new FormData());
    expect(none.status).toBe(400);
  });

  it('refuses a cut-off image at upload, and fails a job whose image cannot be read, says why, and does not retry it', async () => {
    // A PNG header and then noise, with no end: refused before anything is stored.
    const cut = Buffer.concat([pngs[0].subarray(0, 33), Buffer.alloc(4000, 0x5a)]);
    const refused = await postScan(clerk, [[cut, 'cut.png', 'image/png']]);
    expect([refused.status, refused.body.code]).toEqual([400, 'IMAGE_INVALID']);
    // Header and end chunk of a real PNG around noise: it looks whole, and only decoding finds it unreadable.
    const broken = Buffer.concat([pngs[0].subarray(0, 33), Buffer.alloc(4000, 0x5a), pngs[0].subarray(pngs[0].length - 12)]);
    const { body } = await postScan(clerk, [[broken, 'hong.png', 'image/png']]);
    const job = await finishedJob(clerk, body.jobId);
    expect(job).toMatchObject({ state: 'failed', result: null, error: { code: 'SCAN_IMAGE_INVALID' } });
    const [row] = await query(run.databaseUrl, 'SELECT attempts FROM job_run WHERE id = $1', [body.jobId]);
    expect(row.attempts).toBe(1);
  }, scaledBudget(60_000));

  it('registers a document with the scan made above, and search finds a word that is only in the scan', async () => {
    const registered = await registerWith({ scanFileId: scannedPdfId });
    expect(registered.status).toBe(201);
    const detail = await clerk.get(`/api/v1/incoming/${registered.body.id}`);
    expect(detail.body).toMatchObject({ scanFileId: scannedPdfId, scanImageFileId: null });
    const found = await waitFor(async () => ((await searchIds('bơi lội')).includes(registered.body.id) ? true : undefined), 'search', 90_000);
    expect(found).toBe(true);
    expect(await searchIds('boi loi')).toContain(registered.body.id); // without diacritics too
    expect((await clerk.get(`/api/v1/incoming/${registered.body.id}`)).body.textExtractedAt).not.toBeNull();
  }, scaledBudget(120_000));

  it('refuses a scanFileId that is not a PDF of the clerk’s own, and consumes no number', async () => {
    const first = await registerWith({}, [await makePdf('truoc'), 'scan.pdf', 'application/pdf']);
    const uploadForm = (bytes: Buffer, name: string, type: string) => filePart(new FormData(), 'file', bytes, name, type);
    const officersPdf = (await officer.post('/api/v1/files', uploadForm(await makePdf('cua chuyen vien'), 'cv.pdf', 'application/pdf'))).body;
    const clerksImage = (await clerk.post('/api/v1/files', uploadForm(pngs[0], 'trang.png', 'image/png'))).body;
    for (const scanFileId of [officersPdf.id, clerksImage.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await registerWith({ scanFileId });
      expect({ scanFileId, got: [res.status, res.body.code] }).toEqual({ scanFileId, got: [400, 'SCAN_FILE_INVALID'] });
    }
    const both = await registerWith({ scanFileId: scannedPdfId }, [await makePdf('ca hai'), 'scan.pdf', 'application/pdf']);
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const neither = await registerWith({});
    expect([neither.status, neither.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const next = await registerWith({}, [await makePdf('sau'), 'scan.pdf', 'application/pdf']);
    expect(next.body.incomingNumber).toBe(first.body.incomingNumber + 1);
  }, scaledBudget(60_000));

  it('takes an image as the scan: the worker makes the PDF, keeps the image, and the words become searchable', async () => {
    const registered = await registerWith({}, [jpegs[0], 'cong-van.jpg', 'image/jpeg']);
    expect(registered.status).toBe(201);
    const detail = await waitFor(
      async () => {
        const res = await clerk.get(`/api/v1/incoming/${registered.body.id}`);
        return res.body.scanImageFileId && res.body.textExtractedAt ? res.body : undefined;
      },
      'the scan to be converted',
      90_000,
    );
    const image = await download(clerk, detail.scanImageFileId!);
    expect([image.type, sha256(image.bytes)]).toEqual(['image/jpeg', sha256(jpegs[0])]);
    const pdf = await download(clerk, detail.scanFileId);
    expect(pdf.type).toBe('application/pdf');
    expect(flat(pdfTextOf(pdf.bytes, dir))).toContain('Phù Đổng');
    expect(await searchIds('Hội khỏe Phù Đổng')).toContain(registered.body.id);
    const audit = await query(run.databaseUrl, `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [registered.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['incoming.registered', 'incoming.scan_converted', 'incoming.text_extracted']);
  }, scaledBudget(120_000));

  it('reads a registered PDF that has no text layer by OCR, leaving the file as it was', async () => {
    const imagesOnly = imageOnlyPdf([pngs[1]], dir, 'trang-hai');
    const registered = await registerWith({}, [imagesOnly, 'cong-van.pdf', 'application/pdf']);
    await waitFor(async () => ((await searchIds('đội tuyển bơi lội')).includes(registered.body.id) ? true : undefined), 'OCR text', 90_000);
    const detail = (await clerk.get(`/api/v1/incoming/${registered.body.id}`)).body;
    expect(detail.scanImageFileId).toBeNull();
    expect(sha256((await download(clerk, detail.scanFileId)).bytes)).toBe(sha256(imagesOnly));
  }, scaledBudget(120_000));

  it('reads PDFs registered together (in shared pdftotext runs): each gets its own words only, and one audit entry', async () => {
    // Distinct made-up words, one per document: none may turn up in another's text.
    const words = Array.from({ length: 8 }, (_, i) => `Lohang${String.fromCharCode(97 + i)}${Date.now() % 100000}`);
    // A text layer of more than 20 letters a page: read as text, not by OCR.
    const pdfs = await Promise.all(words.map((word) => makePdf(`Cong van ${word} ve viec to chuc hoi thao chuyen de`)));
    const registered = await Promise.all(pdfs.map((pdf, i) => registerWith({ subject: `Công văn đợt ${i}` }, [pdf, `lo-${i}.pdf`, 'application/pdf'])));
    const ids = registered.map((r) => {
      expect(r.status).toBe(201);
      return r.body.id as string;
    });
    const rows = await waitFor(
      async () => {
        const found = await query(run.databaseUrl, `SELECT id, extracted_text FROM incoming_document WHERE id = ANY($1) AND text_extracted_at IS NOT NULL`, [ids]);
        return found.length === ids.length ? found : undefined;
      },
      'the texts of all eight',
      90_000,
    );
    for (const row of rows) {
      const own = words[ids.indexOf(row.id)];
      expect({ own, others: words.filter((w) => w !== own && row.extracted_text.includes(w)) }).toEqual({ own, others: [] });
      expect(row.extracted_text).toContain(own);
    }
    const audit = await query(
      run.databaseUrl,
      `SELECT entity_id, count(*)::int AS n FROM audit_event WHERE action = 'incoming.text_extracted' AND entity_id = ANY($1) GROUP BY entity_id`,
      [ids],
    );
    expect(audit.map((a) => a.n)).toEqual(ids.map(() => 1));
    // Each registration queued its job under `incoming-scan-<id>`; a batch that read a document takes
    // its waiting job off the queue, so no more jobs are gone than documents were read in others' runs.
    const conversion = new Queue('conversion', { connection: { url: run.redisUrl }, prefix: ownQueues.QUEUE_PREFIX });
    try {
      const jobs = await waitFor(
        async () => {
          const found = await Promise.all(ids.map((id) => conversion.getJob(`incoming-scan-${id}`)));
          const states = await Promise.all(found.map((job) => job?.getState()));
          return states.every((state) => state === undefined || state === 'completed') ? found : undefined;
        },
        'the eight scan jobs done or taken off the queue',
        60_000,
      );
      const alsoRead = jobs.reduce((sum, job) => sum + Number((job?.returnvalue as { alsoRead?: number } | null)?.alsoRead ?? 0), 0);
      expect(jobs.filter((job) => !job).length).toBeLessThanOrEqual(alsoRead);
    } finally {
      await conversion.close();
    }
  }, scaledBudget(120_000));

  it('stops OCR that runs out of time with OCR_TIMEOUT', async () => {
    const built = join(ROOT, 'dist/apps/worker/libs');
    const core = (await import(join(built, 'core/src/index.js'))) as typeof Core;
    const documents = (await import(join(built, 'documents/src/index.js'))) as typeof Documents;
    const extractor = new documents.TextExtractor(core.loadConfig(processEnv(run)));
    const path = join(dir, 'chi-anh.pdf');
    // 50 ms: enough to start, far too little to render and read a 2-page scan in Vietnamese.
    await expect(extractor.extract(path, new core.Deadline(50))).rejects.toMatchObject({ status: 422, code: 'OCR_TIMEOUT' });
  });
});
