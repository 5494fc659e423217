import { Queue } from 'bullmq';
import { backdate } from './support/backdate';
import { query } from './support/db';
import { makePdf, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { ImapServer, mimeMessage, startImapServer } from './support/imap-server';
import { ownOrganisation, Who } from './support/organisation';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { decodedMail, SmtpSink, startSmtpSink } from './support/smtp-sink';
import { loadRun } from './support/test-env';
import { vnDate } from './support/accounts';

const run = loadRun();
const org = ownOrganisation(run);
const PUBLIC_URL = 'https://vanban.example.gov.vn';


interface Notice {
  id: string;
  kind: string;
  title: string;
  documentId: string | null;
  intakeItemId: string | null;
  emailState: string | null;
}

describe('reminders: validity ending and intake items waiting, each person, thing and threshold once, by e-mail', () => {
  let imap: ImapServer;
  let smtp: SmtpSink;
  let api: Api;
  let worker: RunningProcess;
  let queue: Queue;
  let clerk: Client;
  let director: Client;
  let officer: Client;
  const email: Partial<Record<Who, string>> = {};
  const mailTo = (who: Who) => smtp.messages.filter((m) => m.includes(`To: ${email[who]}`)).map(decodedMail);

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startImapServer(), startSmtpSink()]);
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_reminders`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL,
      NOTIFICATION_MAIL_SECONDS: '1',
      NOTIFICATION_DIGEST_CRON: 'off',
      REMINDERS_CRON: 'off',
      VALIDITY_REMINDER_DAYS: '30,7,1',
      INTAKE_WAITING_REMINDER_HOURS: '4',
      INTAKE_IMAP_URL: imap.url,
      INTAKE_IMAP_PASSWORD: imap.password,
      INTAKE_IMAP_AGENCY_ID: org.agency.id,
      INTAKE_POLL_SECONDS: '1',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    queue = new Queue('notifications', { connection: { url: run.redisUrl }, prefix: env.QUEUE_PREFIX });
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, officer] = await Promise.all([sign('clerk'), sign('director'), sign('officer')]);
    for (const who of ['clerk', 'officer'] as const) {
      const [row] = await query<{ email: string }>(run.databaseUrl, `SELECT email FROM app_user WHERE id = $1`, [org.people[who].id]);
      email[who] = row.email;
    }
  }, scaledBudget(180_000));

  afterAll(async () => {
    await queue?.close();
    await worker?.stop();
    await api?.stop();
    await imap?.stop();
    await smtp?.close();
  });

  async function notices(client: Client, kind: string): Promise<Notice[]> {
    const res = await client.get('/api/v1/notifications?pageSize=200');
    expect(res.status).toBe(200);
    return (res.body.items as Notice[]).filter((n) => n.kind === kind);
  }

  /** The reminders job, `times` at once (as two workers, or a retry, would run it); what the runs added. */
  async function remind(times = 1): Promise<{ validityEnding: number; intakeWaiting: number }> {
    const jobs = await Promise.all(Array.from({ length: times }, () => queue.add('reminders', {})));
    const outcomes = await Promise.all(
      jobs.map((job) =>
        waitFor(async () => {
          const done = await queue.getJob(job.id!);
          if (done && (await done.isFailed())) throw new Error(`reminders job failed: ${done.failedReason}`);
          // finishedOn and returnvalue come from the same read of the job: isCompleted() asks Redis again
          // and can find it completed after `done` was read while it still ran (returnvalue null then).
          return done?.finishedOn && (await done.isCompleted()) ? ((done.returnvalue ?? {}) as { validityEnding?: number; intakeWaiting?: number }) : undefined;
        }, 'the reminders job'),
      ),
    );
    return outcomes.reduce(
      (sum: { validityEnding: number; intakeWaiting: number }, o) => ({ validityEnding: sum.validityEnding + (o.validityEnding ?? 0), intakeWaiting: sum.intakeWaiting + (o.intakeWaiting ?? 0) }),
      { validityEnding: 0, intakeWaiting: 0 },
    );
  }

  /** Every notification of the organisation's people has found its way out (no mail pending or being retried). */
  async function mailSettled(): Promise<void> {
    const ids = Object.values(org.people).map((p) => p.id);
    await waitFor(async () => {
      const [{ n }] = await query<{ n: string }>(
        run.databaseUrl,
        `SELECT count(*) AS n FROM notification WHERE user_id = ANY($1) AND (email_state IS NULL OR email_state IN ('sending', 'retry'))`,
        [ids],
      );
      return Number(n) === 0 ? true : undefined;
    }, 'notification e-mails settled', 120_000);
  }

  async function assignedToOfficer(overrides: Record<string, unknown>): Promise<string> {
    const { status, body } = await registerIncoming(clerk, overrides);
    expect(status).toBe(201);
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const res = await director.post(`/api/v1/incoming/${body.id}/assign`, { lead: { userId: org.people.officer.id }, coordinators: [], informed: [] });
    expect(res.status).toBe(200);
    return body.id;
  }

  it('keeps a document’s validity end (thời gian hiệu lực) and refuses one before the document’s date', async () => {
    const until = vnDate(90);
    const { status, body } = await registerIncoming(clerk, { subject: 'Quyết định có thời hạn', validUntil: until });
    expect(status).toBe(201);
    const detail = await clerk.get(`/api/v1/incoming/${body.id}`);
    expect(detail.body.validUntil).toBe(until);
    const early = await registerIncoming(clerk, { sourceDate: '2026-11-20', validUntil: '2026-11-19' });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(early.body)).toContain('validUntil');
    const without = await registerIncoming(clerk, { subject: 'Không có thời hạn' });
    expect((await clerk.get(`/api/v1/incoming/${without.body.id}`)).body.validUntil).toBeNull();
  });

  let soon: string;
  it('tells those handling a document as its validity end nears, at the nearest threshold only, once however often the job runs', async () => {
    soon = await assignedToOfficer({ subject: 'Kế hoạch tạm thời về dạy thêm', validUntil: vnDate(5) });
    const month = (await registerIncoming(clerk, { subject: 'Thông báo tuyển sinh có thời hạn', validUntil: vnDate(20) })).body.id;
    const far = await assignedToOfficer({ subject: 'Quy chế còn xa hạn', validUntil: vnDate(40) });
    const first = await remind(2);
    expect(first.validityEnding).toBeGreaterThanOrEqual(2);
    expect((await remind()).validityEnding).toBe(0);

    const officers = await notices(officer, 'validity_ending');
    const mine = officers.filter((n) => n.documentId === soon);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toContain('còn 5 ngày');
    expect(officers.some((n) => n.documentId === far)).toBe(false);
    // Not yet assigned: the clerks answer for it (and the 30-day threshold, not 7).
    const clerks = (await notices(clerk, 'validity_ending')).filter((n) => n.documentId === month);
    expect(clerks).toHaveLength(1);
    expect(clerks[0].title).toContain('còn 20 ngày');
    const [{ n }] = await query<{ n: string }>(run.databaseUrl, `SELECT count(*) AS n FROM notification WHERE kind = 'validity_ending' AND document_id = $1`, [soon]);
    expect(Number(n)).toBe(1);

    await waitFor(async () => (mailTo('officer').some((m) => m.includes(`${PUBLIC_URL}/incoming/${soon}`) && m.includes('sắp hết hiệu lực')) ? true : undefined), 'the validity e-mail');
  });

  it('reminds the clerks of an intake item waiting longer than INTAKE_WAITING_REMINDER_HOURS, once, and retries the e-mail the SMTP server refused', async () => {
    const messageId = `<reminder-${Date.now()}@sotuphap.tayninh.gov.vn>`;
    const recent = `<reminder-recent-${Date.now()}@sotuphap.tayninh.gov.vn>`;
    for (const [id, subject] of [[messageId, 'Công văn chờ vào sổ từ sáng'], [recent, 'Công văn vừa đến']]) {
      await imap.append(
        mimeMessage({
          from: '"Sở Tư pháp tỉnh Tây Ninh" <vanthu@sotuphap.tayninh.gov.vn>',
          to: 'vanthu@sgddt.tayninh.gov.vn',
          subject,
          messageId: id,
          text: 'Kính gửi Văn phòng Sở.',
          attachments: [{ name: 'cong-van.pdf', type: 'application/pdf', bytes: await makePdf(subject) }],
        }),
      );
    }
    const itemOf = async (id: string) =>
      ((await clerk.get('/api/v1/intake?pageSize=200')).body.items as { id: string; messageId: string; state: string }[]).find((i) => i.messageId === id);
    const waiting = await waitFor(async () => itemOf(messageId), 'the waiting intake item', 60_000);
    const fresh = await waitFor(async () => itemOf(recent), 'the recent intake item', 60_000);
    expect(waiting.state).toBe('waiting');
    // TEST SET-UP DATA: the item arrived five hours ago.
    await backdate(run.databaseUrl, [{ sql: `UPDATE intake_item SET received_at = now() - interval '5 hours' WHERE id = $1`, params: [waiting.id] }]);
    await mailSettled();
    const before = mailTo('clerk').length;
    smtp.refuseNext(1);

    const added = await remind(2);
    expect(added.intakeWaiting).toBeGreaterThanOrEqual(1);
    expect((await remind()).intakeWaiting).toBe(0);
    const reminders = await notices(clerk, 'intake_waiting');
    expect(reminders.filter((n) => n.intakeItemId === waiting.id)).toHaveLength(1);
    expect(reminders.some((n) => n.intakeItemId === fresh.id)).toBe(false);
    expect(reminders.find((n) => n.intakeItemId === waiting.id)!.title).toContain('quá 4 giờ');

    // The first delivery was refused (451): the notification waits for its retry (30 s), then goes once.
    await waitFor(async () => (smtp.refused() >= 1 ? true : undefined), 'the refused delivery');
    const sent = await waitFor(
      async () => {
        const mails = mailTo('clerk').slice(before).filter((m) => m.includes('Công văn chờ vào sổ từ sáng'));
        return mails.length ? mails : undefined;
      },
      'the intake reminder e-mail after its retry',
      120_000,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`${PUBLIC_URL}/intake`);
    const rows = await query<{ email_state: string; email_attempts: number }>(
      run.databaseUrl,
      `SELECT email_state, email_attempts FROM notification WHERE kind = 'intake_waiting' AND intake_item_id = $1`,
      [waiting.id],
    );
    expect(rows.every((r) => r.email_state === 'sent')).toBe(true);
    expect(Math.max(...rows.map((r) => r.email_attempts))).toBe(2);
  });
});
