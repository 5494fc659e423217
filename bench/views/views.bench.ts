// Benchmark of the access history (issue 13 item 8): detail-GET latency with the view written
// before the answer (group commit) against the same GET with recording disabled, same run, same
// database, requests interleaved so both modes see the same load.
//
//   npm run bench:views [-- --requests=400 --concurrency=8 --documents=20]
//
// Two API processes from dist/ share one fresh installation: one records (the default), one runs
// with VIEW_RECORDING=false. Prints p50/p95 per mode, the document_view rows written and the load.
import { loadavg } from 'node:os';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { makePdf } from '../../test/support/documents';
import { createInstallation, DEMO_PASSWORD, log, option, percentile, runBench, startApi } from '../support/installation';

const REQUESTS = option('requests', 400);
const CONCURRENCY = option('concurrency', 8);
const DOCUMENTS = option('documents', 20);

async function registerDocuments(clerk: Client, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const form = new FormData();
    form.append('metadata', JSON.stringify({
      sourceNumberSymbol: `${i + 1}/BENCH-VIEWS`, sourceDate: '2026-11-02', issuingAuthority: 'UBND tỉnh Tây Ninh', documentType: 'Công văn',
      subject: `Văn bản đo lịch sử truy cập ${i + 1}`, urgency: 'normal', confidentiality: 'normal', receivedVia: 'paper',
    }));
    form.append('scan', new Blob([new Uint8Array(await makePdf(`bench views ${i}`))], { type: 'application/pdf' }), 'scan.pdf');
    const res = await clerk.post('/api/v1/incoming', form);
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  }
  return ids;
}

/** Fires `total` GETs, `concurrency` at a time, alternating the two APIs request by request. */
async function measure(readers: Record<'recording' | 'disabled', Client>, ids: string[]) {
  const times = { recording: [] as number[], disabled: [] as number[] };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < REQUESTS * 2; i = next++) {
      const mode = i % 2 === 0 ? 'recording' : 'disabled';
      const started = process.hrtime.bigint();
      const res = await readers[mode].get(`/api/v1/incoming/${ids[i % ids.length]}`);
      if (res.status !== 200) throw new Error(`GET detail: ${res.status}`);
      times[mode].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times;
}

async function countViews(databaseUrl: string): Promise<number> {
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query('SELECT count(*)::int AS n FROM document_view')).rows[0].n;
  } finally {
    await db.end();
  }
}

runBench(async () => {
  const inst = await createInstallation();
  const recording = await startApi(inst);
  const disabled = await startApi(inst, { VIEW_RECORDING: 'false' });
  // huydq would not see the documents; the clerk registers them and reads them on both APIs with one token.
  const clerk = await new Client(recording.url).signIn('bangnv', DEMO_PASSWORD);
  const ids = await registerDocuments(clerk, DOCUMENTS);
  const readers = { recording: clerk, disabled: new Client(disabled.url, clerk.accessToken) };
  await measure(readers, ids); // warm-up: connections, JIT, caches
  const before = await countViews(inst.databaseUrl);
  const times = await measure(readers, ids);
  const written = (await countViews(inst.databaseUrl)) - before;
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`detail GET, ${REQUESTS} per mode, ${CONCURRENCY} at once, load average ${load}`);
  for (const mode of ['disabled', 'recording'] as const) {
    const sorted = [...times[mode]].sort((a, b) => a - b);
    log(`  ${mode.padEnd(9)}  p50 ${percentile(sorted, 0.5).toFixed(1)} ms  p95 ${percentile(sorted, 0.95).toFixed(1)} ms`);
  }
  log(`  document_view rows written during the measured run: ${written} (expected ${REQUESTS})`);
});
