import { makePdf } from './support/documents';
import { Client } from './support/http';
import { ImapServer, mimeMessage, startImapServer } from './support/imap-server';
import { ownOrganisation } from './support/organisation';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const SENDER = 'vanthu@sotuphap.tayninh.gov.vn';

/** Quoted-printable bodies decoded as a mail client shows them. */
const decoded = (raw: string) =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

describe('intake: the e-mail sender hears back — báo nhận with our number, trả lại with the reason', () => {
  let imap: ImapServer;
  let smtp: SmtpSink;
  let api: Api;
  let worker: RunningProcess;
  let clerk: Client;
  let pdf: Buffer;
  let sequence = 0;
  const fields = { sourceNumberSymbol: '88/STP-VP', sourceDate: '2026-12-01', documentType: 'Công văn' };

  beforeAll(async () => {
    [imap, smtp, pdf] = await Promise.all([startImapServer(), startSmtpSink(), makePdf('Cong van gui qua thu dien tu')]);
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_replies`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      INTAKE_IMAP_URL: imap.url,
      INTAKE_IMAP_PASSWORD: imap.password,
      INTAKE_IMAP_AGENCY_ID: org.agency.id,
      INTAKE_POLL_SECONDS: '1',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    clerk = await org.signIn(api.url, 'clerk');
  }, scaledBudget(180_000));

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await imap?.stop();
    await smtp?.close();
  });

  async function arrived(subject: string): Promise<{ id: string; messageId: string }> {
    sequence += 1;
    const messageId = `<replies-${sequence}-${Date.now()}@sotuphap.tayninh.gov.vn>`;
    await imap.append(
      mimeMessage({
        from: `"Sở Tư pháp tỉnh Tây Ninh" <${SENDER}>`,
        to: 'vanthu@sgddt.tayninh.gov.vn',
        subject,
        messageId,
        text: 'Sở Tư pháp gửi kèm công văn.',
        attachments: [{ name: 'cong-van.pdf', type: 'application/pdf', bytes: pdf }],
      }),
    );
    const item = await waitFor(async () => (await clerk.get('/api/v1/intake?pageSize=200')).body.items.find((i) => i.messageId === messageId), `the item of ${messageId}`, 60_000);
    return { id: item.id, messageId };
  }

  const repliesTo = (messageId: string) => smtp.messages.filter((m) => m.includes(`In-Reply-To: ${messageId}`)).map(decoded);

  it('acknowledges a registered e-mail once, as a reply carrying our incoming number and date', async () => {
    const { id, messageId } = await arrived('V/v phối hợp tuyên truyền pháp luật');
    const registered = await clerk.post(`/api/v1/intake/${id}/register`, { ...fields, subject: 'V/v phối hợp tuyên truyền pháp luật' });
    expect(registered.status).toBe(200);
    const { incomingNumber, year } = registered.body.registration;
    const [ack] = await waitFor(async () => (repliesTo(messageId).length ? repliesTo(messageId) : undefined), 'the acknowledgement');
    expect(ack).toContain(`To: ${SENDER}`);
    expect(ack).toContain(`vào sổ văn bản đến số ${incomingNumber}/${year}`);
    expect(ack).toContain(org.agency.name);
    // Registering again answers the first registration and tells nobody twice.
    expect((await clerk.post(`/api/v1/intake/${id}/register`, {})).body.registration.replayed).toBe(true);
    await new Promise((r) => setTimeout(r, 3000));
    expect(repliesTo(messageId)).toHaveLength(1);
  });

  it('replies with the reason when the clerk returns an item from the intake', async () => {
    const { id, messageId } = await arrived('V/v gửi nhầm cơ quan');
    const reason = 'Văn bản không thuộc thẩm quyền của Sở Giáo dục và Đào tạo';
    expect((await clerk.post(`/api/v1/intake/${id}/return`, { reason })).status).toBe(200);
    const [notice] = await waitFor(async () => (repliesTo(messageId).length ? repliesTo(messageId) : undefined), 'the return notice');
    expect(notice).toContain(`Lý do: ${reason}`);
  });

  it('replies with the reason when a registered e-mailed document is returned later', async () => {
    const { id, messageId } = await arrived('V/v đề nghị cung cấp số liệu');
    const registered = await clerk.post(`/api/v1/intake/${id}/register`, { ...fields, sourceNumberSymbol: '89/STP-VP', subject: 'V/v đề nghị cung cấp số liệu' });
    await waitFor(async () => (repliesTo(messageId).length ? true : undefined), 'the acknowledgement');
    const reason = 'Thiếu phụ lục kèm theo';
    expect((await clerk.post(`/api/v1/incoming/${registered.body.registration.id}/return`, { reason })).status).toBe(200);
    const notice = await waitFor(async () => repliesTo(messageId).find((m) => m.includes('Lý do:')), 'the return notice');
    expect(notice).toContain(`Lý do: ${reason}`);
  });
});
