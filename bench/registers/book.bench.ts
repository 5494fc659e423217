// Benchmark of register books (issue 6): renders an incoming register year of 20,000 rows to
// XLSX and to PDF with the production renderers and prints time, size, pages and memory.
//
//   npm run bench:register-book [-- --rows=20000 --runs=3]
//
// Each format runs in a child process of its own, so its peak memory is its own. Rows are made
// like the register's SQL makes them (incomingBookRow over realistic Vietnamese records).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { INCOMING_REGISTER_COLUMNS, IncomingBookRecord, incomingBookRow } from '@eoffice/documents';
import { renderPdf, renderXlsx, TableReport } from '@eoffice/reports';

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const ROWS = option('rows', 20_000);
const RUNS = option('runs', 3);
const CHILD = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length) as 'xlsx' | 'pdf' | undefined;

const ISSUERS = [
  ['UBND tỉnh Tây Ninh', 'UBND-VX'],
  ['Bộ Giáo dục và Đào tạo', 'BGDĐT-GDTrH'],
  ['Sở Nội vụ tỉnh Tây Ninh', 'SNV-CCVC'],
  ['Sở Tài chính tỉnh Tây Ninh', 'STC-HCSN'],
  ['Tỉnh ủy Tây Ninh', 'TU-VP'],
  ['Trường THPT Trần Đại Nghĩa', 'THPTTĐN'],
  ['Phòng Giáo dục và Đào tạo thành phố Tây Ninh', 'PGDĐT'],
] as const;
const TYPES = ['Công văn', 'Quyết định', 'Kế hoạch', 'Thông báo', 'Giấy mời', 'Báo cáo', 'Hướng dẫn'];
const TOPICS = [
  'tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh',
  'tuyển sinh vào lớp 10 trung học phổ thông',
  'bồi dưỡng thường xuyên giáo viên',
  'kiểm tra công tác phòng cháy chữa cháy tại các cơ sở giáo dục',
  'báo cáo tình hình thực hiện nhiệm vụ năm học',
  'triển khai chuyển đổi số trong quản lý văn bản điều hành',
  'quyết toán kinh phí chi thường xuyên',
  'giáo dục hòa nhập cho người khuyết tật',
];
const LEADS: [string | null, string | null][] = [
  ['Phòng Giáo dục Trung học', null],
  ['Phòng Giáo dục Trung học', 'Đặng Quang Huy'],
  ['Phòng Tổ chức cán bộ', 'Võ Thị Lan'],
  ['Văn phòng Sở', null],
  [null, 'Lê Minh Khoa'],
  [null, null],
];

function record(index: number, year: number): IncomingBookRecord {
  const day = new Date(Date.UTC(year, 0, 2 + Math.floor((index * 360) / ROWS)));
  const iso = day.toISOString().slice(0, 10);
  const [issuer, symbol] = ISSUERS[index % ISSUERS.length];
  const [leadUnitName, leadUserName] = LEADS[index % LEADS.length];
  // Subjects from one line to a paragraph, as in real registers.
  const topics = Array.from({ length: 1 + (index % 5 === 0 ? 4 : index % 2) }, (_, k) => TOPICS[(index + k * 3) % TOPICS.length]);
  return {
    incomingNumber: index + 1,
    receivedDate: iso,
    issuingAuthority: issuer,
    sourceNumberSymbol: `${100 + (index % 4000)}/${symbol}`,
    sourceDate: iso,
    documentType: TYPES[index % TYPES.length],
    subject: `Về việc ${topics.join(' và ')} năm học ${year}–${year + 1}`,
    status: index % 97 === 0 ? 'returned' : 'in_progress',
    urgency: index % 11 === 0 ? 'urgent' : 'normal',
    confidentiality: 'normal',
    leadUnitName,
    leadUserName,
    forwardedDate: leadUnitName || leadUserName ? iso : null,
  };
}

function bookOf(rows: number): TableReport {
  return {
    title: ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN'],
    subtitle: ['Sở Giáo dục và Đào tạo tỉnh Tây Ninh (DEMO)', 'Năm 2026 · Mã sổ: DEN'],
    views: [{ name: 'DEN 2026', columns: INCOMING_REGISTER_COLUMNS, rows: Array.from({ length: rows }, (_, i) => incomingBookRow(record(i, 2026))) }],
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** In the child: build the rows, render once to warm up the code, then time RUNS renders while sampling memory. */
async function measure(format: 'xlsx' | 'pdf'): Promise<void> {
  const render = format === 'xlsx' ? renderXlsx : renderPdf;
  const report = bookOf(ROWS);
  await render(bookOf(50));
  global.gc?.();
  const rowsRss = process.memoryUsage().rss;
  let peakRss = rowsRss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external + now.arrayBuffers);
  }, 20);
  // How long the renderer keeps the event loop (other API requests) waiting at a stretch.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const times: number[] = [];
  let bytes: Buffer = Buffer.alloc(0);
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    bytes = await render(report);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  clearInterval(sampler);
  loopDelay.disable();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const pages = format === 'pdf' ? (await PDFDocument.load(bytes)).getPageCount() : null;
  process.stdout.write(
    JSON.stringify({ format, times, bytes: bytes.length, pages, rowsRssMb: mb(rowsRss), peakRssMb: mb(Math.max(peakRss, maxRss)), peakHeapMb: mb(peakHeap), maxLoopDelayMs: loopDelay.max / 1e6 }) + '\n',
  );
}

function runChild(format: 'xlsx' | 'pdf'): Record<string, any> {
  const args = ['--expose-gc', '-r', join(__dirname, '../../scripts/ts-register.cjs'), __filename, `--child=${format}`, `--rows=${ROWS}`, `--runs=${RUNS}`];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${format} run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  if (CHILD) return measure(CHILD);
  console.log(`register book bench: ${ROWS} rows, ${RUNS} runs per format, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const results = (['xlsx', 'pdf'] as const).map(runChild);
  console.log('| format | rows | median ms | min ms | max ms | rows/s | size | pages | RSS with rows built | peak RSS | peak heap+external | longest event-loop block |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const m = median(r.times);
    console.log(
      `| ${r.format} | ${ROWS} | ${m.toFixed(0)} | ${Math.min(...r.times).toFixed(0)} | ${Math.max(...r.times).toFixed(0)} | ${Math.round((ROWS * 1000) / m)} | ` +
        `${mb(r.bytes).toFixed(2)} MB | ${r.pages ?? '—'} | ${r.rowsRssMb.toFixed(0)} MB | ${r.peakRssMb.toFixed(0)} MB | ${r.peakHeapMb.toFixed(0)} MB | ${r.maxLoopDelayMs.toFixed(0)} ms |`,
    );
  }
  console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
