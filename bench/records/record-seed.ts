// Seeding shared by the records benches (export, packaging): a closed record of N incoming
// documents, each with a distinct real PDF in the content-addressed store, written with SQL in the
// shape the product writes. The same PDFs are also written to `baseline-source/` for the cp +
// sha256sum floor.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Client as PgClient } from 'pg';
import type { Installation } from '../support/installation';
import { loadOrg, seedTo } from '../support/incoming-seed';

export const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

export function timed(program: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${program} exited ${code}: ${err}`))));
  });
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
export function peakMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * CPU time of a process so far, its own and its waited-for children's (qpdf for the API; cp and
 * sha256sum for this process), in seconds: on a machine shared with other work, wall time mostly
 * measures the queue for the cores, CPU time what the work itself costs.
 */
export function cpuSeconds(pid: number | 'self'): number {
  const { user, system, childUser, childSystem } = cpuTimes(pid);
  return user + system + childUser + childSystem;
}

/** The same, split: the process's own user and system time, and its waited-for children's (qpdf's, for the API). */
export function cpuTimes(pid: number | 'self'): { user: number; system: number; childUser: number; childSystem: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime, stime, cutime, cstime are the 12th to 15th.
  const [user, system, childUser, childSystem] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map((ticks) => Number(ticks) / CLOCK_TICKS);
  return { user, system, childUser, childSystem };
}
/** Linux's USER_HZ, 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;

/** The floor, in the same run: the same bytes copied once (`cp -r`) and hashed once (`sha256sum`). */
export async function floor(sourceDir: string, copyDir: string): Promise<{ ms: number; cpu: number }> {
  const t0 = performance.now();
  const cpu0 = cpuSeconds('self');
  await timed('cp', ['-r', sourceDir, copyDir]);
  // Through xargs: 10,000 names would pass the argument limit of one command line.
  await timed('sh', ['-c', `cd ${copyDir} && ls | xargs sha256sum > /dev/null`]);
  return { ms: performance.now() - t0, cpu: cpuSeconds('self') - cpu0 };
}

type Org = Awaited<ReturnType<typeof loadOrg>>;

export interface SeededRecord {
  org: Org;
  recordId: string;
  documents: number;
  totalBytes: number;
  totalPages: number;
  sourceDir: string;
}

/** A text PDF of `pages` pages, a few kB a page like a born-digital document. */
async function documentPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 45; line++) page.drawText(`Van ban mau trang ${p + 1} dong ${line + 1} - noi dung de kiem tra xuat ho so`, { x: 50, y: 800 - line * 17, size: 10, font });
  }
  return Buffer.from(await doc.save());
}

/** What an agency files: scans (JPEG page images, as scanners and scan-to-PDF write them) or small text PDFs. */
export type DocumentKind = 'scan' | 'text';

/**
 * Page counts of the scanned documents, in turn: most are one or two pages (a dispatch, a letter),
 * some three (a decision with its annex). 1.6 pages a document on average.
 */
const SCAN_PAGES = [1, 1, 2, 1, 3, 2, 1, 2];

/**
 * A scanned page: a page of text rasterised by pdftoppm to a JPEG, at 150 dpi (four documents in
 * five, the usual office scan setting) or 200 dpi. ~300 KB and ~440 KB a page: a real scan's paper
 * grain makes it larger still, so these are on the small side of "hundreds of KB to a few MB".
 */
async function scanPage(dir: string, dpi: number): Promise<Buffer> {
  const text = join(dir, 'page.pdf');
  writeFileSync(text, await documentPdf(1));
  await timed('pdftoppm', ['-r', String(dpi), '-jpeg', '-jpegopt', 'quality=80', '-singlefile', text, join(dir, `page-${dpi}`)]);
  return readFileSync(join(dir, `page-${dpi}.jpg`));
}

async function scanPdf(image: Buffer, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // One image per page, as a scanner writes it (not one image shared by every page).
  for (let p = 0; p < pages; p++) doc.addPage([595, 842]).drawImage(await doc.embedJpg(image), { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The base PDF of document `i` and its page count; the caller makes its bytes distinct. */
async function documentTemplates(kind: DocumentKind, pages: number, dir: string): Promise<(i: number) => { pdf: Buffer; pages: number }> {
  if (kind === 'text') {
    const base = await documentPdf(pages);
    return () => ({ pdf: base, pages });
  }
  const images = { 150: await scanPage(dir, 150), 200: await scanPage(dir, 200) };
  const templates = new Map<string, Buffer>();
  for (const dpi of [150, 200] as const) for (const n of new Set(SCAN_PAGES)) templates.set(`${dpi}/${n}`, await scanPdf(images[dpi], n));
  return (i) => {
    const n = SCAN_PAGES[i % SCAN_PAGES.length];
    return { pdf: templates.get(`${i % 5 === 4 ? 200 : 150}/${n}`)!, pages: n };
  };
}

export async function seedClosedRecord(db: PgClient, inst: Installation, count: number, pages: number, notation: string, kind: DocumentKind = 'scan'): Promise<SeededRecord> {
  const org = await loadOrg(db, inst);
  await seedTo(db, org, count, true);
  // One PDF per document, distinct bytes (a comment line differs), in the content-addressed store.
  const templateDir = join(inst.workDir, 'templates');
  mkdirSync(templateDir, { recursive: true });
  const templateOf = await documentTemplates(kind, pages, templateDir);
  const docs = (await db.query(
    `SELECT id FROM incoming_document WHERE confidentiality = 'normal' AND status <> 'voided' ORDER BY source_date, id LIMIT $1`, [count],
  )).rows as { id: string }[];
  const sourceDir = join(inst.workDir, 'baseline-source');
  mkdirSync(sourceDir, { recursive: true });
  let totalBytes = 0;
  const rows: [string, string, number, string, number][] = [];
  let totalPages = 0;
  for (const [i, { id }] of docs.entries()) {
    const template = templateOf(i);
    const pdf = Buffer.concat([template.pdf, Buffer.from(`\n% ${i}\n`)]);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const key = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    mkdirSync(dirname(join(inst.fileStoreDir, key)), { recursive: true });
    writeFileSync(join(inst.fileStoreDir, key), pdf);
    // The floor's source is the same file (a hard link): cp reads the same bytes, without a second copy on disk.
    linkSync(join(inst.fileStoreDir, key), join(sourceDir, `${String(i + 1).padStart(5, '0')}.pdf`));
    totalBytes += pdf.length;
    totalPages += template.pages;
    rows.push([id, key, pdf.length, sha256, template.pages]);
  }
  // Stored files and scans in one statement each (10,000 round trips would dominate the seeding).
  await db.query(
    `WITH f AS (
       INSERT INTO stored_file (storage_key, sha256, size_bytes, mime_type, original_name, uploaded_by)
       SELECT k, s, z, 'application/pdf', 'scan.pdf', $5 FROM unnest($2::text[], $3::text[], $4::bigint[]) AS u(k, s, z) RETURNING id, storage_key)
     UPDATE incoming_document d SET scan_file_id = f.id, page_count = m.pages
       FROM unnest($1::uuid[], $2::text[], $6::int[]) AS m(doc, k, pages) JOIN f ON f.storage_key = m.k WHERE d.id = m.doc`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[3]), rows.map((r) => r[2]), org.people.clerk, rows.map((r) => r[4])],
  );
  const agencyCode = (await db.query(`SELECT code FROM unit WHERE id = $1`, [org.agency])).rows[0].code as string;
  const record = await db.query(
    `INSERT INTO file_record (agency_id, year, file_code, notation, title, retention_years, permanent, unit_id, owner_id, status, document_count, page_count, closed_at, closed_by)
     VALUES ($1, 2026, $2, $7, 'Hồ sơ benchmark', 10, false, $3, $4, 'closed', $5, $6, now(), $4) RETURNING id`,
    [org.agency, `${agencyCode}.2026.${notation}`, org.units.VP, org.people.clerk, docs.length, totalPages, notation],
  );
  const recordId = record.rows[0].id as string;
  await db.query(
    `INSERT INTO record_document (record_id, document_kind, document_id, doc_ordinal, document_date, page_count, filed_by)
     SELECT $1, 'incoming', d.id, row_number() OVER (ORDER BY d.source_date, d.id), d.source_date, d.page_count, $3 FROM incoming_document d WHERE d.id = ANY($2)`,
    [recordId, docs.map((d) => d.id), org.people.clerk],
  );
  return { org, recordId, documents: docs.length, totalBytes, totalPages, sourceDir };
}

/**
 * A second closed record holding the first `count` documents of `recordId` (a document may sit in
 * several records): exported once before the measured export, so that the figure is the export's
 * own work and not the API's first-time loading of pdf-lib and fontkit (paid once per process).
 */
export async function seedWarmUpRecord(db: PgClient, recordId: string, notation: string, count = 3): Promise<string> {
  const record = await db.query(
    `INSERT INTO file_record (agency_id, year, file_code, notation, title, retention_years, permanent, unit_id, owner_id, status, document_count, page_count, closed_at, closed_by)
     SELECT agency_id, year, left(file_code, length(file_code) - length(notation)) || $2, $2, 'Hồ sơ khởi động', retention_years, permanent, unit_id, owner_id, status, 0, 0, closed_at, closed_by
       FROM file_record WHERE id = $1 RETURNING id`,
    [recordId, notation],
  );
  const warmId = record.rows[0].id as string;
  await db.query(
    `INSERT INTO record_document (record_id, document_kind, document_id, doc_ordinal, document_date, page_count, filed_by)
     SELECT $1, document_kind, document_id, doc_ordinal, document_date, page_count, filed_by FROM record_document WHERE record_id = $2 AND doc_ordinal <= $3`,
    [warmId, recordId, count],
  );
  await db.query(
    `UPDATE file_record SET document_count = (SELECT count(*) FROM record_document WHERE record_id = $1),
       page_count = (SELECT sum(page_count) FROM record_document WHERE record_id = $1) WHERE id = $1`,
    [warmId],
  );
  return warmId;
}
