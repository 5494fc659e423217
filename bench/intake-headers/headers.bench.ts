// Header recognition accuracy (issue 17 item 2): a generated corpus of Decree 30 headers, read as
// text PDFs and as scans at 300 and 200 dpi through the product's own pipeline, scored field by field.
// Run: npm run bench:intake-headers -- --count=200 --lanes=2 --modes=text,300,200
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppConfig, Deadline } from '@eoffice/core';
import { firstPageWords, recogniseHeader, SearchablePdfMaker } from '@eoffice/documents';
import { renderHeaderPdf, scanLike, seededRandom } from '../../libs/documents/test';
import { corpus, ExpectedHeader } from './corpus';
import { answered, FIELDS, mismatches, Tally } from './score';

const run = promisify(execFile);
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const count = Number(args.count ?? 200);
const lanes = Number(args.lanes ?? 2);
const modes = String(args.modes ?? 'text,300,200').split(',');
const seed = Number(args.seed ?? 2027);
const bounds = { maxPixels: 100_000_000, maxMemoryMb: 2048 };
const maker = new SearchablePdfMaker({ SCAN_MAX_PIXELS: bounds.maxPixels, OCR_MAX_MEMORY_MB: bounds.maxMemoryMb, OCR_MAX_PAGES: 100 } as AppConfig);

/** One page through one mode: the text PDF as it is, or printed, scanned and made searchable as POST /scans does. */
async function read(pdf: string, mode: string, dir: string, index: number) {
  if (mode === 'text') return firstPageWords(pdf, new Deadline(120_000), bounds);
  const dpi = Number(mode);
  await run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
  const random = seededRandom(seed * 7919 + index);
  const defects = { skewDegrees: (random() - 0.5) * 1.6, noise: 6 + random() * 10, specks: 20 + random() * 60, seed: index };
  writeFileSync(join(dir, 'scan.png'), scanLike(readFileSync(join(dir, 'page.png')), defects, dpi));
  const deadline = new Deadline(600_000);
  const searchable = await maker.fromImages([join(dir, 'scan.png')], dir, deadline);
  return firstPageWords(searchable.path, deadline, bounds);
}

async function main(): Promise<void> {
  const items = corpus(count, seed);
  const work = join(mkdtempSync(join(tmpdir(), 'intake-headers-')));
  const failures: { mode: string; index: number; field: string; expected: unknown; got: unknown }[] = [];
  console.log(`header recognition: ${count} headers, modes ${modes.join(', ')}, ${lanes} lanes; load at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    for (const mode of modes) {
      const tally = new Tally();
      let next = 0;
      let ocrUsed = 0;
      let done = 0;
      const started = Date.now();
      const lane = async (laneNo: number) => {
        for (let index = next++; index < items.length; index = next++) {
          const dir = mkdtempSync(join(work, `${mode}-${laneNo}-`));
          const { spec, expected } = items[index];
          const pdf = join(dir, 'header.pdf');
          writeFileSync(pdf, await renderHeaderPdf(spec));
          const words = await read(pdf, mode, dir, index);
          if (words.method === 'ocr') ocrUsed += 1;
          const got = answered(recogniseHeader(words));
          const wrong = mismatches(expected, got);
          tally.add(expected, wrong);
          for (const field of wrong) failures.push({ mode, index, field, expected: expected[field as keyof ExpectedHeader], got: got[field] });
          rmSync(dir, { recursive: true, force: true });
          if (++done % 25 === 0) process.stderr.write(`  ${mode}: ${done}/${items.length} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
        }
      };
      await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i)));
      const seconds = (Date.now() - started) / 1000;
      console.log(`\n${mode === 'text' ? 'text PDF' : `${mode}-dpi scan`}: ${seconds.toFixed(0)} s (${(seconds / count).toFixed(2)} s/page, ${lanes} lanes), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}${ocrUsed ? `, ${ocrUsed} read by OCR` : ''}`);
      for (const field of FIELDS) console.log(`  ${field.padEnd(20)} ${tally.percent(field)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (args.failures) writeFileSync(String(args.failures), JSON.stringify(failures, null, 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
