import { Queue } from 'bullmq';
import { query } from './support/db';
import { Client } from './support/http';
import { createDraft, createTestPki, draftMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { decodedMail, SmtpSink, startSmtpSink } from './support/smtp-sink';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';
import { vnDate } from './support/accounts';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificates stored here must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;
const PUBLIC_URL = 'https://vanban.example.gov.vn';


interface Notice {
  kind: string;
  title: string;
  documentId: string | null;
  outgoingDocumentId: string | null;
}

describe('outgoing documents: validity end (thời gian hiệu lực), carried to the copies, reminded once per threshold', () => {
  let api: Api;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  let queue: Queue;
  let officer: Client; // the drafter
  let head: Client;
  let clerk: Client;
  let director: Client;
  let schoolClerk: Client;
  let officerEmail: string;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outgoing_validity');
    run = isolated.run;
    const pki = createTestPki();
    smtp = await startSmtpSink();
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_validity`,
      SIGNING_TRUST_ANCHORS: pki.anchorsFile,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL,
      NOTIFICATION_MAIL_SECONDS: '1',
      NOTIFICATION_DIGEST_CRON: 'off',
      REMINDERS_CRON: 'off',
      VALIDITY_REMINDER_DAYS: '30,7,1',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    queue = new Queue('notifications', { connection: { url: run.redisUrl }, prefix: env.QUEUE_PREFIX });
    const sign = (who: Who) => org.signIn(api.url, who);
    const admin = await sign('admin');
    [officer, head, clerk, director, schoolClerk] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('schoolClerk')]);
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    [{ email: officerEmail }] = await query<{ email: string }>(run.databaseUrl, `SELECT email FROM app_user WHERE id = $1`, [org.people.officer.id]);
  }, scaledBudget(180_000));

  afterAll(async () => {
    await queue?.close();
    await worker?.stop();
    await api?.stop();
    await smtp?.close();
    await isolated?.dispose();
  });

  /** The reminders job, `times` at once (as two workers, or a retry, would run it); the outgoing reminders the runs added. */
  async function remind(times = 1): Promise<number> {
    const jobs = await Promise.all(Array.from({ length: times }, () => queue.add('reminders', {})));
    const added = await Promise.all(
      jobs.map((job) =>
        waitFor(async () => {
          const done = await queue.getJob(job.id!);
          if (done && (await done.isFailed())) throw new Error(`reminders job failed: ${done.failedReason}`);
          return done && (await done.isCompleted()) ? Number((done.returnvalue as { outgoingValidityEnding?: number }).outgoingValidityEnding ?? 0) : undefined;
        }, 'the reminders job'),
      ),
    );
    return added.reduce((a, b) => a + b, 0);
  }

  async function notices(client: Client, kind: string): Promise<Notice[]> {
    const res = await client.get('/api/v1/notifications?pageSize=200');
    expect(res.status).toBe(200);
    return (res.body.items as Notice[]).filter((n) => n.kind === kind);
  }

  const subject = 'Về việc tổ chức dạy thêm trong học kỳ I (có thời hạn)';
  let documentId: string;

  it('takes a validity end on the draft, refuses one before the document’s date (today at the earliest), and lets only the author change it while a draft', async () => {
    const early = await createDraft(officer, await draftMetadata(org, { subject: 'Dự thảo hết hiệu lực từ hôm qua', validUntil: vnDate(-1) }));
    expect([early.status, early.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(early.body)).toContain('validUntil');
    const [{ n }] = await query<{ n: string }>(run.databaseUrl, `SELECT count(*) AS n FROM outgoing_document WHERE subject = 'Dự thảo hết hiệu lực từ hôm qua'`);
    expect(Number(n)).toBe(0);

    const created = await createDraft(officer, await draftMetadata(org, { subject, validUntil: vnDate(40) }));
    expect(created.status).toBe(201);
    documentId = created.body.id;
    expect(created.body.validUntil).toBe(vnDate(40));
    expect((await officer.get(`/api/v1/outgoing/${documentId}`)).body.validUntil).toBe(vnDate(40));

    expect((await officer.patch(`/api/v1/outgoing/${documentId}`, { validUntil: vnDate(-3) })).body.code).toBe('VALIDATION_FAILED');
    expect((await officer.patch(`/api/v1/outgoing/${documentId}`, { validUntil: '2026-02-31' })).status).toBe(400);
    // The signer sees the draft (it is theirs to sign) but only its author changes it.
    expect((await director.patch(`/api/v1/outgoing/${documentId}`, { validUntil: vnDate(5) })).status).toBe(403);
    const cleared = await officer.patch(`/api/v1/outgoing/${documentId}`, { validUntil: null });
    expect([cleared.status, cleared.body.validUntil]).toEqual([200, null]);
    const set = await officer.patch(`/api/v1/outgoing/${documentId}`, { validUntil: vnDate(5) });
    expect([set.status, set.body.validUntil]).toEqual([200, vnDate(5)]);
    const audit = await query<{ data: { validUntil?: string | null } }>(
      run.databaseUrl,
      `SELECT data FROM audit_event WHERE entity_type = 'outgoing_document' AND entity_id = $1 AND action = 'outgoing.revise' ORDER BY occurred_at, id`,
      [documentId],
    );
    expect(audit.map((a) => a.data.validUntil)).toEqual([null, vnDate(5)]);
  });

  it('keeps the validity end through the issue, carries it to the recipient agency’s incoming copy, and no longer lets it change', async () => {
    await reviewThrough(documentId, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${documentId}/sign`, {})).body.status).toBe('signed');
    expect((await clerk.post(`/api/v1/outgoing/${documentId}/issue`, {})).body.status).toBe('issued');
    const late = await officer.patch(`/api/v1/outgoing/${documentId}`, { validUntil: vnDate(9) });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await clerk.post(`/api/v1/outgoing/${documentId}/dispatch`, {})).body.status).toBe('dispatched');
    const detail = (await officer.get(`/api/v1/outgoing/${documentId}`)).body;
    expect(detail.validUntil).toBe(vnDate(5));
    const copyId = detail.recipients.find((r) => r.unitId === org.school.id)!.incomingDocumentId;
    expect((await schoolClerk.get(`/api/v1/incoming/${copyId}`)).body.validUntil).toBe(vnDate(5));
  });

  it('tells the drafter and the agency’s clerks before it ends, once per threshold however often the job runs; a draft is not reminded', async () => {
    const draft = await createDraft(officer, await draftMetadata(org, { subject: 'Dự thảo có thời hạn chưa ban hành', validUntil: vnDate(2) }));
    expect(draft.status).toBe(201);
    // Two runs at once (as two workers would): the drafter and the clerks, each once.
    const added = await remind(2);
    expect(added).toBeGreaterThanOrEqual(2);
    expect(await remind()).toBe(0);
    const [{ n }] = await query<{ n: string }>(run.databaseUrl, `SELECT count(*) AS n FROM notification WHERE outgoing_document_id = $1 AND kind = 'outgoing_validity_ending'`, [documentId]);
    expect(Number(n)).toBe(added);
    for (const client of [officer, clerk]) {
      const mine = (await notices(client, 'outgoing_validity_ending')).filter((n) => n.outgoingDocumentId === documentId);
      expect(mine).toHaveLength(1);
      expect(mine[0].title).toMatch(/^Văn bản đi sắp hết hiệu lực \(còn 5 ngày/);
    }
    const rows = await query<{ n: string }>(run.databaseUrl, `SELECT count(*) AS n FROM notification WHERE outgoing_document_id = $1 AND kind = 'outgoing_validity_ending'`, [draft.body.id]);
    expect(Number(rows[0].n)).toBe(0);
    // The recipient's copy is an incoming document like any other: its clerks hear of it on their side.
    expect((await notices(schoolClerk, 'validity_ending')).some((n) => n.title.includes(subject))).toBe(true);
    const mail = await waitFor(
      async () => smtp.messages.filter((m) => m.includes(`To: ${officerEmail}`)).map(decodedMail).find((m) => m.includes(`${PUBLIC_URL}/outgoing/${documentId}`) && m.includes('hết hiệu lực')),
      'the validity e-mail to the drafter',
    );
    expect(mail).toContain(subject);
  });
});
