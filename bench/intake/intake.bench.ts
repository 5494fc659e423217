// Intake throughput (issue 17): N e-mails, each with a one-page PDF, through the real worker (IMAP
// fetch, .eml and attachment stored, signature check, page 1's header read, item committed, position
// saved), against fetching the same messages with imapflow alone, one at a time as the worker does,
// in the same run. Prints both in messages per minute, their ratio and the machine's load.
//
//   npm run -s build && npm run bench:intake [-- --messages=1000]
import { loadavg } from 'node:os';
import { ImapFlow } from 'imapflow';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client as PgClient } from 'pg';
import { mimeMessage, startImapServer } from '../../test/support/imap-server';
import { createInstallation, log, onCleanup, option, runBench, seconds, startWorker } from '../support/installation';

const OPT = {
  messages: option('messages', 1000),
  keep: option('keep', 'false') === 'true',
};

const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

async function pdfOf(n: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`So: ${n}/UBND-VP`, { x: 72, y: 760, size: 12, font });
  page.drawText(`Cong van so ${n} ve viec thu nghiem tiep nhan van ban`, { x: 72, y: 700, size: 12, font });
  return Buffer.from(await doc.save());
}

async function connect(port: number, user: string, pass: string): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** imapflow alone: the worker's own pattern (search new UIDs, then each message's source, one at a time). */
async function fetchAlone(port: number, user: string, pass: string): Promise<{ ms: number; bytes: number; count: number }> {
  const started = Date.now();
  const client = await connect(port, user, pass);
  let bytes = 0;
  let count = 0;
  try {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      const uids = ((await client.search({ uid: '1:*' }, { uid: true })) || []).sort((a, b) => a - b);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
        if (message && message.source) {
          bytes += message.source.length;
          count += 1;
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return { ms: Date.now() - started, bytes, count };
}

async function main(): Promise<void> {
  const n = OPT.messages;
  log(`intake bench: ${n} e-mails, load ${load()}`);
  const imap = await startImapServer();
  onCleanup('IMAP server', () => imap.stop());
  const inst = await createInstallation({ keep: OPT.keep });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database session', () => db.end());

  // The mailbox, filled over one connection.
  const writer = await connect(imap.port, imap.user, imap.password);
  for (let i = 1; i <= n; i += 1) {
    const raw = mimeMessage({
      from: `"Văn thư đơn vị ${i % 50}" <vanthu${i % 50}@donvi.tayninh.gov.vn>`,
      to: 'vanthu@sgddt.tayninh.gov.vn',
      subject: `Công văn số ${i}/UBND-VP về việc thử nghiệm tiếp nhận`,
      messageId: `<bench-intake-${inst.id}-${i}@donvi.tayninh.gov.vn>`,
      text: 'Kính gửi Văn phòng Sở.',
      attachments: [{ name: `cong-van-${i}.pdf`, type: 'application/pdf', bytes: await pdfOf(i) }],
    });
    await writer.append('INBOX', raw);
    if (i % 250 === 0) log(`appended ${i}/${n}`);
  }
  await writer.logout();

  const alone = await fetchAlone(imap.port, imap.user, imap.password);
  if (alone.count !== n) throw new Error(`imapflow read ${alone.count} of ${n}`);
  log(`imapflow alone: ${n} messages (${(alone.bytes / 1048576).toFixed(1)} MiB) in ${seconds(alone.ms)}, load ${load()}`);

  // The worker, started with no mailbox; the agency's mailbox is set once it is up (its first poll is the start line).
  const [{ id: agencyId }] = (await db.query(`SELECT id FROM unit WHERE agency_id = id ORDER BY id LIMIT 1`)).rows;
  const [{ id: adminId }] = (await db.query(`SELECT id FROM app_user ORDER BY id LIMIT 1`)).rows;
  startWorker(inst, { INTAKE_POLL_SECONDS: '1', INTAKE_IMAP_PASSWORD_BENCH: imap.password, REMINDERS_CRON: 'off' });
  await db.query(`SELECT pg_sleep(15)`); // the worker's start-up (Nest, queues), outside the measure
  const loadBefore = load();
  const started = Date.now();
  // BENCH SET-UP: what PUT /units/:unitId/intake-mailbox writes.
  await db.query(
    `INSERT INTO intake_mailbox (agency_id, host, port, tls, username, mailbox, password_env, updated_by) VALUES ($1, '127.0.0.1', $2, false, $3, 'INBOX', 'INTAKE_IMAP_PASSWORD_BENCH', $4)`,
    [agencyId, imap.port, imap.user, adminId],
  );
  let made = 0;
  let lastLog = 0;
  while (made < n) {
    await new Promise((r) => setTimeout(r, 250));
    made = Number((await db.query(`SELECT count(*) AS n FROM intake_item WHERE channel = 'email'`)).rows[0].n);
    if (Date.now() - lastLog > 15_000) {
      log(`worker: ${made}/${n} items, load ${load()}`);
      lastLog = Date.now();
    }
    if (Date.now() - started > 60 * 60_000) throw new Error(`only ${made}/${n} items after an hour`);
  }
  const workerMs = Date.now() - started;
  const perMin = (ms: number) => (n / (ms / 60_000)).toFixed(0);
  const flags = (await db.query(`SELECT count(*) FILTER (WHERE state = 'waiting') AS waiting, count(DISTINCT message_id) AS distinct FROM intake_item`)).rows[0];
  console.log('');
  console.log(`messages                     ${n} (a one-page PDF each, ~2 KB a message)`);
  console.log(`imapflow alone               ${seconds(alone.ms)}  ${perMin(alone.ms)} messages/min`);
  console.log(`through the worker           ${seconds(workerMs)}  ${perMin(workerMs)} items/min (${flags.waiting} waiting, ${flags.distinct} distinct Message-IDs)`);
  console.log(`worker / imapflow alone      ${(workerMs / alone.ms).toFixed(1)}× the time (${(alone.ms / workerMs * 100).toFixed(1)} % of the fetch rate)`);
  console.log(`load (1/5/15 min)            before ${loadBefore}, after ${load()}`);
}

runBench(main);
