// Benchmark of a record's export (issue 15.3): GET /records/:id/export of a closed record of N
// incoming documents (default 1,000, each a real PDF of --pages pages), as a ratio to copying and
// hashing the same bytes with `cp` and `sha256sum` in the same run, with the API's peak memory.
//
//   npm run -s build
//   npm run bench:records -- [--documents=1000] [--pages=4]
//
// The documents are seeded with SQL (bench/support/incoming-seed.ts) and filed into one record with
// SQL in the shape the product writes; the export is the real route of the built API, streamed to a
// file. Everything lives in a throwaway database and directory, removed at the end.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { API_MAIN, createInstallation, DEMO_PASSWORD, log, onCleanup, option, runBench, seconds, startApi } from '../support/installation';
import { loadOrg, seedTo } from '../support/incoming-seed';

const OPT = { documents: option('documents', 1000), pages: option('pages', 4), keep: option('keep', 'false') === 'true' };
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function timed(program: string, args: string[]): Promise<number> {
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
function peakMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
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

async function main(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error('dist/ is missing: run `npm run -s build` first');
  log(`record export benchmark: ${OPT.documents} documents of ${OPT.pages} pages; load ${load()}`);
  const inst = await createInstallation({ keep: OPT.keep });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database session', () => db.end());
  const org = await loadOrg(db, inst);
  await seedTo(db, org, OPT.documents, true);

  // One PDF per document, distinct bytes (a line differs), in the content-addressed store.
  const base = await documentPdf(OPT.pages);
  const docs = (await db.query(
    `SELECT id FROM incoming_document WHERE confidentiality = 'normal' AND status <> 'voided' ORDER BY source_date, id LIMIT $1`, [OPT.documents],
  )).rows as { id: string }[];
  const sourceDir = join(inst.workDir, 'baseline-source');
  mkdirSync(sourceDir, { recursive: true });
  let totalBytes = 0;
  for (const [i, { id }] of docs.entries()) {
    const pdf = Buffer.concat([base, Buffer.from(`\n% ${i}\n`)]);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const key = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    mkdirSync(dirname(join(inst.fileStoreDir, key)), { recursive: true });
    writeFileSync(join(inst.fileStoreDir, key), pdf);
    writeFileSync(join(sourceDir, `${String(i + 1).padStart(5, '0')}.pdf`), pdf);
    totalBytes += pdf.length;
    const file = await db.query(
      `INSERT INTO stored_file (storage_key, sha256, size_bytes, mime_type, original_name, uploaded_by) VALUES ($1, $2, $3, 'application/pdf', 'scan.pdf', $4) RETURNING id`,
      [key, sha256, pdf.length, org.people.clerk],
    );
    await db.query(`UPDATE incoming_document SET scan_file_id = $1, page_count = $2 WHERE id = $3`, [file.rows[0].id, OPT.pages, id]);
  }
  const agencyCode = (await db.query(`SELECT code FROM unit WHERE id = $1`, [org.agency])).rows[0].code as string;
  const record = await db.query(
    `INSERT INTO file_record (agency_id, year, file_code, notation, title, retention_years, permanent, unit_id, owner_id, status, document_count, page_count, closed_at, closed_by)
     VALUES ($1, 2026, $2, '99.VP', 'Hồ sơ benchmark xuất hồ sơ', 10, false, $3, $4, 'closed', $5, $6, now(), $4) RETURNING id`,
    [org.agency, `${agencyCode}.2026.99.VP`, org.units.VP, org.people.clerk, docs.length, docs.length * OPT.pages],
  );
  const recordId = record.rows[0].id as string;
  await db.query(
    `INSERT INTO record_document (record_id, document_kind, document_id, doc_ordinal, document_date, page_count, filed_by)
     SELECT $1, 'incoming', d.id, row_number() OVER (ORDER BY d.source_date, d.id), d.source_date, $3, $4 FROM incoming_document d WHERE d.id = ANY($2)`,
    [recordId, docs.map((d) => d.id), OPT.pages, org.people.clerk],
  );
  log(`record of ${docs.length} documents, ${(totalBytes / 1024 ** 2).toFixed(1)} MiB of PDFs`);

  const api = await startApi(inst);
  const clerk = await new Client(api.url).signIn(org.usernames.clerk, DEMO_PASSWORD);
  const before = peakMiB(api.child.pid!);
  const out = join(inst.workDir, 'export.pdf');
  const t0 = performance.now();
  const res = await fetch(`${api.url}/api/v1/records/${recordId}/export`, { headers: { authorization: `Bearer ${clerk.accessToken}` } });
  if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
  await pipeline(Readable.fromWeb(res.body as never), createWriteStream(out));
  const exportMs = performance.now() - t0;
  const peak = peakMiB(api.child.pid!);

  // The floor: the same bytes copied once and hashed once, by the plain tools, in this run.
  const copyDir = join(inst.workDir, 'baseline-copy');
  const t1 = performance.now();
  await timed('cp', ['-r', sourceDir, copyDir]);
  await timed('sh', ['-c', `sha256sum ${copyDir}/*.pdf > /dev/null`]);
  const floorMs = performance.now() - t1;
  const info = await new Promise<string>((resolve) => {
    let text = '';
    const child = spawn('pdfinfo', [out]);
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', () => resolve(text));
  });
  log(`export: ${seconds(exportMs)} (${/Pages:\s+(\d+)/.exec(info)?.[1]} pages); cp + sha256sum: ${seconds(floorMs)}; ratio ${(exportMs / floorMs).toFixed(1)}×`);
  log(`API peak RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB after the export; load ${load()}`);
}

runBench(main);
