import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLeaderSignature, createDemoCa, importPkcs12, prepareDraft, toPem } from '@eoffice/signing';
import { HeaderSpec, renderHeaderPdf, scanLike } from '../libs/documents/test';
import { buildDecisionSource, DECISION_LAYOUT } from '../libs/signing/test';
import { issue, signaturePng } from './support/certificates';
import { query } from './support/db';
import { filePart, makePdf } from './support/documents';
import { Client } from './support/http';
import { ImapServer, MailPart, mimeMessage, startImapServer } from './support/imap-server';
import { ownOrganisation } from './support/organisation';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const SIGNER = 'Nguyễn Thị Kim Ngân';

interface IntakeFile {
  fileId: string | null;
  mimeType: string | null;
  flags: string[];
  verification: { status: string; signatures: { signerName: string | null; intact: boolean; trusted: boolean }[] } | null;
}
interface IntakeItem {
  id: string;
  channel: string;
  sourceId: string;
  messageId: string | null;
  sender: string | null;
  state: string;
  flags: string[];
  proposal: Record<string, string>;
  messageFileId: string | null;
  files: IntakeFile[];
  document: { id: string; incomingNumber: number; year: number } | null;
  corrections: Record<string, { proposed: unknown; registered: unknown }> | null;
  reason: string | null;
}

describe('intake: scans and e-mail wait as intake items, checked at receipt, registered with one call', () => {
  let imap: ImapServer;
  let api: Api;
  let worker: RunningProcess;
  let clerk: Client;
  let officer: Client;
  let signedPdf: Buffer;
  let plainPdf: Buffer;
  let trustDir: string;
  let mailbox: string;
  let sequence = 0;
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    imap = await startImapServer();
    const ca = createDemoCa('eOffice Test CA (intake e2e)');
    trustDir = mkdtempSync(join(tmpdir(), 'eoffice-intake-trust-'));
    const anchors = join(trustDir, 'anchors.pem');
    writeFileSync(anchors, toPem(ca.certificate));
    const signer = issue(ca, { commonName: SIGNER });
    const draft = await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT);
    const signed = await applyLeaderSignature(draft, {
      credentials: importPkcs12(signer.p12, signer.passphrase),
      signerName: SIGNER,
      signatureImage: signaturePng,
      trust: { trustAnchors: [ca.certificate] },
    });
    signedPdf = Buffer.from(signed.toBuffer());
    plainPdf = await makePdf('Cong van khong ky so');
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_intake`,
      SIGNING_TRUST_ANCHORS: anchors,
      INTAKE_IMAP_URL: imap.url,
      INTAKE_IMAP_PASSWORD: imap.password,
      INTAKE_IMAP_AGENCY_ID: org.agency.id,
      INTAKE_POLL_SECONDS: '1',
      INTAKE_MAX_ATTACHMENT_MB: '1',
    };
    api = await startApi(run, env);
    workerEnv = env;
    worker = startWorker(run, env);
    [clerk, officer] = await Promise.all([org.signIn(api.url, 'clerk'), org.signIn(api.url, 'officer')]);
    mailbox = `127.0.0.1:${imap.port}/${imap.user}/INBOX`;
  }, scaledBudget(180_000));

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await imap?.stop();
    rmSync(trustDir, { recursive: true, force: true });
  });

  function mail(subject: string, attachments: MailPart[], headers?: Record<string, string>) {
    sequence += 1;
    const messageId = `<intake-${sequence}-${Date.now()}@sotuphap.tayninh.gov.vn>`;
    const raw = mimeMessage({
      from: '"Sở Tư pháp tỉnh Tây Ninh" <vanthu@sotuphap.tayninh.gov.vn>',
      to: 'vanthu@sgddt.tayninh.gov.vn',
      subject,
      messageId,
      text: 'Kính gửi Văn phòng Sở, Sở Tư pháp gửi kèm công văn.',
      attachments,
      headers,
    });
    return { messageId, raw };
  }

  async function items(): Promise<IntakeItem[]> {
    const res = await clerk.get('/api/v1/intake?pageSize=200');
    expect(res.status).toBe(200);
    return res.body.items;
  }

  async function delivered(raw: Buffer, messageId: string): Promise<IntakeItem> {
    await imap.append(raw);
    return waitFor(async () => (await items()).find((i) => i.messageId === messageId), `the intake item of ${messageId}`, 60_000);
  }

  /** Waits until the worker has read the mailbox up to `uid` (its position is saved after each message). */
  async function readUpTo(uid: number): Promise<void> {
    await waitFor(async () => {
      const rows = await query<{ last_uid: string }>(run.databaseUrl, `SELECT last_uid FROM intake_mailbox_state WHERE mailbox = $1`, [mailbox]);
      return rows[0] && Number(rows[0].last_uid) >= uid ? true : undefined;
    }, `the mailbox read up to UID ${uid}`, 60_000);
  }

  const registerFields = { sourceNumberSymbol: '125/STP-VP', sourceDate: '2026-12-01', documentType: 'Công văn' };
  let signedItem: IntakeItem;
  let signedMail: { messageId: string; raw: Buffer };

  it('makes an e-mail with a signed PDF an intake item with the message, the PDF byte for byte and its signature report', async () => {
    signedMail = mail('V/v hướng dẫn công tác pháp chế năm 2027', [{ name: 'Công văn 125.pdf', type: 'application/pdf', bytes: signedPdf }]);
    signedItem = await delivered(signedMail.raw, signedMail.messageId);
    expect(signedItem).toMatchObject({ channel: 'email', state: 'waiting', sender: 'vanthu@sotuphap.tayninh.gov.vn', document: null });
    expect(signedItem.sourceId).toMatch(new RegExp(`^${mailbox.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+$`));
    // Page 1's header (a decision of the Sở, not yet numbered or dated) wins over the e-mail's subject and sender.
    expect(signedItem.proposal).toMatchObject({
      subject: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh',
      issuingAuthority: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      documentType: 'Quyết định',
    });
    expect(signedItem.proposal).not.toHaveProperty('sourceNumberSymbol');
    expect(signedItem.flags).toEqual([]);
    const [pdf] = signedItem.files;
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.verification?.status).toBe('valid');
    expect(pdf.verification?.signatures).toEqual([expect.objectContaining({ signerName: SIGNER, intact: true, trusted: true })]);
    const detail = await clerk.get(`/api/v1/intake/${signedItem.id}`);
    expect(detail.body.files[0].verification?.status).toBe('valid');
    const stored = await query<{ sha256: string; mime_type: string }>(run.databaseUrl, `SELECT sha256, mime_type FROM stored_file WHERE id = ANY($1)`, [
      [pdf.fileId, signedItem.messageFileId],
    ]);
    const { createHash } = await import('node:crypto');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(stored.map((s) => s.sha256).sort()).toEqual([sha(signedPdf), sha(signedMail.raw)].sort());
    // The agency's clerks open an item's files to decide; nobody else may.
    const download = (client: Client, id: string) => fetch(`${api.url}/api/v1/files/${id}`, { headers: { authorization: `Bearer ${client.accessToken}` } });
    const eml = await download(clerk, signedItem.messageFileId!);
    expect(eml.status).toBe(200);
    expect(Buffer.from(await eml.arrayBuffer()).equals(signedMail.raw)).toBe(true);
    expect(Buffer.from(await (await download(clerk, pdf.fileId!)).arrayBuffer()).equals(signedPdf)).toBe(true);
    expect((await download(officer, pdf.fileId!)).status).toBe(404);
    // Anyone but the agency's clerks: the queue is not theirs.
    expect((await officer.get('/api/v1/intake')).status).toBe(403);
  });

  it('registers the item with one call: the number is taken then, and what the clerk changed is recorded', async () => {
    const subject = 'V/v hướng dẫn công tác pháp chế, phổ biến giáo dục pháp luật năm 2027';
    const res = await clerk.post(
      `/api/v1/intake/${signedItem.id}/register`,
      { ...registerFields, subject },
    );
    expect(res.status).toBe(200);
    expect(res.body.registration).toMatchObject({ incomingNumber: expect.any(Number), replayed: false });
    expect(res.body.item).toMatchObject({ state: 'registered', document: { id: res.body.registration.id } });
    expect(res.body.item.corrections).toMatchObject({
      subject: { proposed: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh', registered: subject },
      sourceNumberSymbol: { proposed: null, registered: '125/STP-VP' },
      documentType: { proposed: 'Quyết định', registered: 'Công văn' },
    });
    expect(res.body.item.corrections).not.toHaveProperty('issuingAuthority');
    const document = await clerk.get(`/api/v1/incoming/${res.body.registration.id}`);
    expect(document.body).toMatchObject({ intakeItemId: signedItem.id, receivedVia: 'email', scanFileId: signedItem.files[0].fileId });
    const again = await clerk.post(`/api/v1/intake/${signedItem.id}/register`, {});
    expect(again.body.registration).toMatchObject({ id: res.body.registration.id, incomingNumber: res.body.registration.incomingNumber, replayed: true });
    const audit = await query(run.databaseUrl, `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [signedItem.id]);
    expect(audit.map((a) => a.action)).toEqual(['intake.received', 'intake.registered']);
  });

  it('creates nothing when the same message is fetched again: appended once more, or read again from the start', async () => {
    const before = (await items()).length;
    const uid = await imap.append(signedMail.raw);
    await readUpTo(uid);
    expect((await items()).length).toBe(before);
    // As after a reset mid-fetch: the position is lost and every message is read again.
    await query(run.databaseUrl, `UPDATE intake_mailbox_state SET last_uid = 0 WHERE mailbox = $1`, [mailbox]);
    await readUpTo(uid);
    expect((await items()).length).toBe(before);
  });

  it('gives two concurrent register calls one number', async () => {
    const { messageId, raw } = mail('V/v báo cáo số liệu', [{ name: 'bao-cao.pdf', type: 'application/pdf', bytes: plainPdf }]);
    const item = await delivered(raw, messageId);
    expect(item.flags).toContain('signature_unsigned');
    expect(item.files[0].verification?.status).toBe('unsigned');
    const body = { ...registerFields, sourceNumberSymbol: '126/STP-VP' };
    const [a, b] = await Promise.all([0, 1].map(() => clerk.post(`/api/v1/intake/${item.id}/register`, body)));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.registration.id).toBe(b.body.registration.id);
    expect(a.body.registration.incomingNumber).toBe(b.body.registration.incomingNumber);
    expect([a.body.registration.replayed, b.body.registration.replayed].sort()).toEqual([false, true]);
    const documents = await query(run.databaseUrl, `SELECT id FROM incoming_document WHERE intake_item_id = $1`, [item.id]);
    expect(documents).toHaveLength(1);
  });

  it('returns an item only with a reason, and then it cannot be registered', async () => {
    const { messageId, raw } = mail('V/v gửi nhầm địa chỉ', [{ name: 'nham.pdf', type: 'application/pdf', bytes: plainPdf }]);
    const item = await delivered(raw, messageId);
    const without = await clerk.post(`/api/v1/intake/${item.id}/return`, {});
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ code: 'INTAKE_REASON_REQUIRED' });
    expect((await clerk.post(`/api/v1/intake/${item.id}/return`, { reason: '   ' })).body).toMatchObject({ code: 'INTAKE_REASON_REQUIRED' });
    const returned = await clerk.post(`/api/v1/intake/${item.id}/return`, { reason: 'Gửi nhầm cơ quan' });
    expect(returned.body).toMatchObject({ state: 'returned', reason: 'Gửi nhầm cơ quan' });
    const register = await clerk.post(`/api/v1/intake/${item.id}/register`, registerFields);
    expect(register.status).toBe(409);
    expect(register.body).toMatchObject({ code: 'INTAKE_ITEM_CLOSED' });
  });

  it('sets a message without attachments aside as "not a document", and the clerk discards it', async () => {
    const { messageId, raw } = mail('Chúc mừng năm mới', []);
    const item = await delivered(raw, messageId);
    expect(item).toMatchObject({ state: 'not_a_document', flags: ['no_attachments'], files: [] });
    const register = await clerk.post(`/api/v1/intake/${item.id}/register`, { ...registerFields, subject: 'x' });
    expect(register.status).toBe(422);
    expect(register.body).toMatchObject({ code: 'INTAKE_NO_PDF' });
    const discarded = await clerk.post(`/api/v1/intake/${item.id}/discard`, { reason: 'Thư chúc mừng' });
    expect(discarded.body).toMatchObject({ state: 'not_a_document', reason: 'Thư chúc mừng' });
  });

  it('flags a program, an archive, a too-large file and a broken PDF without refusing the message', async () => {
    const { messageId, raw } = mail('Hồ sơ kèm theo', [
      { name: 'setup.exe', type: 'application/octet-stream', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) },
      { name: 'ho-so.zip', type: 'application/zip', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]) },
      { name: 'ban-quet-lon.pdf', type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 0x20)]) },
      { name: 'hong.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7\nthis is not really a PDF\n') },
    ]);
    const item = await delivered(raw, messageId);
    expect(item.state).toBe('waiting');
    expect(item.flags).toEqual(expect.arrayContaining(['executable', 'archive', 'attachment_too_large', 'signature_unreadable']));
    expect(item.files.map((f) => [f.fileId === null, f.flags])).toEqual([
      [true, ['executable']],
      [true, ['archive']],
      [true, ['attachment_too_large']],
      [false, []],
    ]);
    expect(item.files[3].verification?.status).toBe('unreadable');
    expect(item.messageFileId).toEqual(expect.any(String));
  });

  it('keeps a message with malformed MIME as an item, never a crash, and goes on reading', async () => {
    const messageId = `<broken-${Date.now()}@example.vn>`;
    const raw = Buffer.from(
      `From: x@example.vn\r\nMessage-ID: ${messageId}\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n`,
    );
    const item = await delivered(raw, messageId);
    expect(item.messageFileId).toEqual(expect.any(String));
    const next = mail('Sau thư hỏng', []);
    await delivered(next.raw, next.messageId);
  });

  it('takes every message once when the worker is killed mid-fetch and started again', async () => {
    const batch = Array.from({ length: 8 }, (_, i) => mail(`V/v lô thư ${i + 1}`, [{ name: `lo-${i + 1}.pdf`, type: 'application/pdf', bytes: plainPdf }]));
    for (const m of batch) await imap.append(m.raw);
    const ids = new Set(batch.map((m) => m.messageId));
    const arrived = async () => (await items()).filter((i) => i.messageId && ids.has(i.messageId));
    await waitFor(async () => ((await arrived()).length > 0 ? true : undefined), 'the first message of the batch', 60_000);
    await worker.stop('SIGKILL');
    worker = startWorker(run, workerEnv);
    await waitFor(async () => ((await arrived()).length === batch.length ? true : undefined), 'every message of the batch', 120_000);
    const rows = await query<{ message_id: string; n: string }>(
      run.databaseUrl,
      `SELECT message_id, count(*) AS n FROM intake_item WHERE message_id = ANY($1) GROUP BY message_id`,
      [[...ids]],
    );
    expect(rows.map((r) => Number(r.n))).toEqual(batch.map(() => 1));
  });

  it('waits out an IMAP server that is down, and reads what arrived once it is back', async () => {
    await imap.pause();
    // Several polls fail meanwhile; the worker stays up.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(worker.child.exitCode).toBeNull();
    await imap.resume();
    const { messageId, raw } = mail('V/v sau khi máy chủ thư hoạt động lại', [{ name: 'sau.pdf', type: 'application/pdf', bytes: plainPdf }]);
    const item = await delivered(raw, messageId);
    expect(item.state).toBe('waiting');
  });

  it('makes a scan made with POST /scans an intake item of the clerk’s agency', async () => {
    const form = filePart(new FormData(), 'file', plainPdf, 'Giấy mời họp.pdf');
    const res = await clerk.post('/api/v1/scans', form);
    expect(res.status).toBe(202);
    const item = await waitFor(async () => (await items()).find((i) => i.sourceId === `scan:${res.body.jobId}`), 'the scan in the intake', 150_000);
    expect(item).toMatchObject({ channel: 'paper', state: 'waiting' });
    expect(item.files[0].verification?.status).toBe('unsigned');
  });

  /**
   * A Decree 30 header printed and scanned: rendered with pdftoppm, skewed and grained like a flatbed
   * scan. The top 45 % of the page (the header and the first lines) keeps OCR short on a loaded machine.
   */
  async function scannedHeader(spec: HeaderSpec, dpi: number): Promise<Buffer> {
    const dir = mkdtempSync(join(tmpdir(), 'eoffice-intake-scan-'));
    try {
      writeFileSync(join(dir, 'page.pdf'), await renderHeaderPdf(spec));
      const [width, height] = [Math.round((595.28 / 72) * dpi), Math.round((841.89 / 72) * dpi * 0.45)];
      execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', '-W', String(width), '-H', String(height), join(dir, 'page.pdf'), join(dir, 'page')]);
      return scanLike(readFileSync(join(dir, 'page.png')), { skewDegrees: 0.4, noise: 8, specks: 30, seed: dpi }, dpi);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('proposes the number and notation and the date read from a paper scan’s header, and warns about a scan below 200 dpi', async () => {
    const spec: HeaderSpec = {
      parentAuthority: 'UBND TỈNH TÂY NINH',
      issuerLines: ['SỞ TƯ PHÁP'],
      numberSymbol: '125/STP-VP',
      place: 'Tây Ninh',
      date: '2026-11-05',
      documentType: null,
      subject: 'V/v góp ý dự thảo Quy chế phối hợp',
      urgency: 'KHẨN',
      confidentiality: null,
      recipients: 'Sở Giáo dục và Đào tạo',
      body: ['Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Tư pháp đề nghị quý Sở góp ý dự thảo Quy chế phối hợp kèm theo.'],
      signer: { position: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Lê Hoàng Phúc' },
    };
    const [fine, coarseImage] = [await scannedHeader(spec, 300), await scannedHeader(spec, 150)];
    // A large body on a keep-alive connection the server has just closed fails with EPIPE before
    // the server saw the request: sent once more on a fresh connection.
    // The item is made inside the job, just before the job records its result.
    const result = (jobId: string) =>
      waitFor(async () => {
        const job = (await clerk.get(`/api/v1/jobs/${jobId}`)).body;
        return job.state === 'completed' ? job.result : undefined;
      }, 'the scan job’s result', 60_000);
    const postScan = async (image: Buffer, name: string) => {
      const send = () => clerk.post('/api/v1/scans', filePart(new FormData(), 'file', image, name, 'image/png'));
      return send().catch(send);
    };
    const scan = await postScan(fine, 'cong-van-125.png');
    expect(scan.status).toBe(202);
    const item = await waitFor(async () => (await items()).find((i) => i.sourceId === `scan:${scan.body.jobId}`), 'the scan in the intake', 150_000);
    expect(item.proposal).toMatchObject({ sourceNumberSymbol: '125/STP-VP', sourceDate: '2026-11-05', documentType: 'Công văn', urgency: 'urgent' });
    expect(item.flags).not.toContain('low_resolution');
    expect(await result(scan.body.jobId)).toMatchObject({ resolutionDpi: 300, lowResolution: false });

    const coarse = await postScan(coarseImage, 'cong-van-150dpi.png');
    const low = await waitFor(async () => (await items()).find((i) => i.sourceId === `scan:${coarse.body.jobId}`), 'the coarse scan in the intake', 150_000);
    expect(low.flags).toContain('low_resolution');
    expect(low.files[0].flags).toContain('low_resolution');
    expect(await result(coarse.body.jobId)).toMatchObject({ resolutionDpi: 150, lowResolution: true });
  }, scaledBudget(360_000));
});
