import { Queue } from 'bullmq';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { ownOrganisation, Who } from './support/organisation';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const PUBLIC_URL = 'https://vanban.example.gov.vn';

/** Mail bodies are quoted-printable or base64: decode what a mail client would show. */
function decoded(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return `${head}\n\n${Buffer.from(bytes, 'latin1').toString('utf8')}`;
  }
  return raw;
}

describe('notifications by e-mail: at once, in the daily digest, or in the app only', () => {
  let api: Api;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  let queue: Queue;
  let clerk: Client;
  let director: Client;
  let officer: Client;
  const email: Partial<Record<Who, string>> = {};
  const mailTo = (who: Who) => smtp.messages.filter((m) => m.includes(`To: ${email[who]}`)).map(decoded);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_mail`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL,
      NOTIFICATION_MAIL_SECONDS: '1',
      NOTIFICATION_DIGEST_CRON: 'off',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    queue = new Queue('notifications', { connection: { url: run.redisUrl }, prefix: env.QUEUE_PREFIX });
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, officer] = await Promise.all([sign('clerk'), sign('director'), sign('officer')]);
    for (const who of ['director', 'officer'] as const) {
      const [row] = await query<{ email: string }>(run.databaseUrl, `SELECT email FROM app_user WHERE id = $1`, [org.people[who].id]);
      email[who] = row.email;
    }
  });
  afterAll(async () => {
    await queue?.close();
    await api?.stop();
    await worker?.stop();
    await smtp?.close();
  });

  async function submitted(overrides: Parameters<typeof registerIncoming>[1] = {}): Promise<string> {
    const { body } = await registerIncoming(clerk, { subject: `Thư báo ${Math.random().toString(36).slice(2, 8)}`, ...overrides });
    await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id });
    return body.id;
  }

  async function assignToOfficer(id: string): Promise<void> {
    const res = await director.post(`/api/v1/incoming/${id}/assign`, { lead: { userId: org.people.officer.id }, coordinators: [], informed: [] });
    expect(res.status).toBe(200);
  }

  async function emailStateOf(client: Client, documentId: string, kind: string): Promise<string | null | undefined> {
    const res = await client.get('/api/v1/notifications?pageSize=200');
    return res.body.items.find((n) => n.documentId === documentId && n.kind === kind)?.emailState;
  }

  it('mails a leader at once by default, in Vietnamese, with a link to the document', async () => {
    const id = await submitted({ subject: 'Về việc tổ chức hội thi giáo viên dạy giỏi' });
    const mail = await waitFor(async () => mailTo('director').find((m) => m.includes(id)), 'the e-mail to the leader');
    expect(mail).toContain('Văn bản đến chờ phân công');
    expect(mail).toContain('hội thi giáo viên dạy giỏi');
    expect(mail).toContain(`${PUBLIC_URL}/incoming/${id}`);
    expect(mail).toMatch(/Message-ID:\s+<notification-[0-9a-f-]+@/i);
    await waitFor(async () => ((await emailStateOf(director, id, 'submitted')) === 'sent' ? true : undefined), 'the notification marked sent');
  });

  it('keeps the subject of a confidential document out of the e-mail', async () => {
    const id = await submitted({ subject: 'Kế hoạch tuyệt đối bí mật', confidentiality: 'confidential' });
    const mail = await waitFor(async () => mailTo('director').find((m) => m.includes(id)), 'the e-mail about the confidential document');
    expect(mail).toContain('văn bản mật');
    expect(mail).not.toContain('tuyệt đối bí mật');
  });

  it('lists every kind with its delivery, saves a choice, and refuses unknown kinds and deliveries', async () => {
    const before = await officer.get('/api/v1/me/notification-preferences');
    expect(before.status).toBe(200);
    expect(before.body.urgentAlwaysImmediate).toBe(true);
    expect(before.body.items.find((p) => p.kind === 'assigned')).toMatchObject({ delivery: 'immediate', chosen: false, label: 'Văn bản đến được giao xử lý' });

    const saved = await officer.put('/api/v1/me/notification-preferences', { items: [{ kind: 'assigned', delivery: 'digest' }] });
    expect(saved.status).toBe(200);
    expect(saved.body.items.find((p) => p.kind === 'assigned')).toMatchObject({ delivery: 'digest', chosen: true });

    const unknown = await officer.put('/api/v1/me/notification-preferences', { items: [{ kind: 'lottery_win', delivery: 'digest' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('NOTIFICATION_KIND_UNKNOWN');
    const badDelivery = await officer.put('/api/v1/me/notification-preferences', { items: [{ kind: 'assigned', delivery: 'pigeon' }] });
    expect(badDelivery.status).toBe(400);
    expect(badDelivery.body.code).toBe('VALIDATION_FAILED');
    const [audit] = await query<{ n: number }>(
      run.databaseUrl,
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'notification_preferences.updated' AND entity_id = $1`,
      [org.people.officer.id],
    );
    expect(audit.n).toBe(1);
  });

  it('keeps digest kinds for one daily digest, and mails an urgent document at once whatever was chosen', async () => {
    const first = await submitted({ subject: 'Báo cáo tổng kết năm học thứ nhất' });
    const second = await submitted({ subject: 'Báo cáo tổng kết năm học thứ hai' });
    const urgent = await submitted({ subject: 'Phòng chống bão số 9', urgency: 'flash' });
    for (const id of [first, second, urgent]) await assignToOfficer(id);

    const alert = await waitFor(async () => mailTo('officer').find((m) => m.includes(urgent)), 'the urgent e-mail');
    expect(alert).toContain('[KHẨN]');
    for (const id of [first, second]) {
      await waitFor(async () => ((await emailStateOf(officer, id, 'assigned')) === 'digest' ? true : undefined), 'kept for the digest');
      expect(mailTo('officer').some((m) => m.includes(id))).toBe(false);
    }

    // The day's digest job, twice (as after a retry or a second worker): one e-mail.
    for (let i = 0; i < 2; i += 1) {
      const job = await queue.add('notification-digest', {});
      await waitFor(async () => ((await job.isCompleted()) ? true : undefined), 'the digest job');
    }
    const digests = mailTo('officer').filter((m) => m.includes('Tổng hợp công việc'));
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain('năm học thứ nhất');
    expect(digests[0]).toContain('năm học thứ hai');
    expect(digests[0]).toContain(`${PUBLIC_URL}/incoming/${first}`);
    expect(await emailStateOf(officer, first, 'assigned')).toBe('digested');
  });

  it('sends nothing by e-mail for kinds chosen in-app only', async () => {
    await director.put('/api/v1/me/notification-preferences', { items: [{ kind: 'submitted', delivery: 'in_app' }] });
    const id = await submitted({ subject: 'Chỉ xem trong hệ thống' });
    await waitFor(async () => ((await emailStateOf(director, id, 'submitted')) === 'in_app' ? true : undefined), 'settled in-app');
    expect(mailTo('director').some((m) => m.includes(id))).toBe(false);
  });
});
