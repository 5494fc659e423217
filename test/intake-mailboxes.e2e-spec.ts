import { query } from './support/db';
import { makePdf } from './support/documents';
import { Client } from './support/http';
import { ImapServer, mimeMessage, startImapServer } from './support/imap-server';
import { ownOrganisation } from './support/organisation';
import { Api, freePort, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

interface Item {
  id: string;
  messageId: string | null;
  sourceId: string;
}

describe('intake: one mailbox per agency, each message into its own agency’s intake only', () => {
  let agencyMail: ImapServer;
  let schoolMail: ImapServer;
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let clerk: Client;
  let schoolClerk: Client;
  let sequence = 0;
  let schoolSettings: Record<string, unknown>;

  beforeAll(async () => {
    [agencyMail, schoolMail] = await Promise.all([startImapServer(), startImapServer()]);
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_mailboxes`,
      // The agency reads the installation's default mailbox; the school gets its own through the API.
      INTAKE_IMAP_URL: agencyMail.url,
      INTAKE_IMAP_PASSWORD: agencyMail.password,
      INTAKE_IMAP_AGENCY_ID: org.agency.id,
      INTAKE_IMAP_PASSWORD_SCHOOL: schoolMail.password,
      INTAKE_IMAP_PASSWORD_WRONG: 'not-the-school-password',
      INTAKE_MAILBOX_CHECK_SECONDS: '10',
      INTAKE_POLL_SECONDS: '1',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    [admin, clerk, schoolClerk] = await Promise.all([org.signIn(api.url, 'admin'), org.signIn(api.url, 'clerk'), org.signIn(api.url, 'schoolClerk')]);
    schoolSettings = { host: '127.0.0.1', port: schoolMail.port, tls: false, username: schoolMail.user, passwordEnv: 'INTAKE_IMAP_PASSWORD_SCHOOL' };
  }, scaledBudget(180_000));

  afterAll(async () => {
    // Other suites' workers share this database: leave no agency mailbox behind.
    await admin?.request('DELETE', `/api/v1/units/${org.school.id}/intake-mailbox`);
    await worker?.stop();
    await api?.stop();
    await agencyMail?.stop();
    await schoolMail?.stop();
  });

  async function deliver(servers: ImapServer[], subject: string): Promise<string> {
    sequence += 1;
    const messageId = `<mailboxes-${sequence}-${Date.now()}@sotuphap.tayninh.gov.vn>`;
    const raw = mimeMessage({
      from: '"Sở Tư pháp tỉnh Tây Ninh" <vanthu@sotuphap.tayninh.gov.vn>',
      to: 'vanthu@sgddt.tayninh.gov.vn, vanthu@thpt.tayninh.edu.vn',
      subject,
      messageId,
      text: 'Kính gửi các cơ quan.',
      attachments: [{ name: 'cong-van.pdf', type: 'application/pdf', bytes: await makePdf(subject) }],
    });
    for (const server of servers) await server.append(raw);
    return messageId;
  }

  async function items(client: Client): Promise<Item[]> {
    const res = await client.get('/api/v1/intake?pageSize=200');
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const arrived = (client: Client, messageId: string, what: string) =>
    waitFor(async () => (await items(client)).find((i) => i.messageId === messageId), what, 60_000);

  it('lets only administrators set an agency’s mailbox, only for an agency, and only by the name of a password variable', async () => {
    expect((await clerk.put(`/api/v1/units/${org.school.id}/intake-mailbox`, schoolSettings)).status).toBe(403);
    expect((await admin.put(`/api/v1/units/${org.office.id}/intake-mailbox`, schoolSettings)).status).toBe(404);
    expect((await admin.put('/api/v1/units/00000000-0000-4000-8000-000000000000/intake-mailbox', schoolSettings)).status).toBe(404);
    const secret = await admin.put(`/api/v1/units/${org.school.id}/intake-mailbox`, { ...schoolSettings, passwordEnv: 'JWT_SECRET' });
    expect(secret.status).toBe(400);
    expect(secret.body.code).toBe('VALIDATION_FAILED');
    const extra = await admin.put(`/api/v1/units/${org.school.id}/intake-mailbox`, { ...schoolSettings, password: schoolMail.password });
    expect(extra.status).toBe(400);
    expect((await admin.get(`/api/v1/units/${org.school.id}/intake-mailbox`)).status).toBe(404);
  });

  it('connects, logs in and opens the folder before storing anything: a wrong password, folder, server or variable is a 422 with its code', async () => {
    const url = `/api/v1/units/${org.school.id}/intake-mailbox`;
    const refused = async (settings: Record<string, unknown>, code: string) => {
      const res = await admin.put(url, { ...schoolSettings, ...settings });
      expect([res.status, res.body.code]).toEqual([422, code]);
      return res.body as { detail?: string; message?: string };
    };
    const login = await refused({ passwordEnv: 'INTAKE_IMAP_PASSWORD_WRONG' }, 'INTAKE_MAILBOX_LOGIN_FAILED');
    expect(JSON.stringify(login)).not.toContain('not-the-school-password');
    await refused({ mailbox: 'Van-thu-khong-co' }, 'INTAKE_MAILBOX_NOT_FOUND');
    await refused({ port: await freePort() }, 'INTAKE_MAILBOX_UNREACHABLE');
    await refused({ passwordEnv: 'INTAKE_IMAP_PASSWORD_NOT_SET_ANYWHERE' }, 'INTAKE_MAILBOX_PASSWORD_NOT_SET');
    expect((await admin.get(url)).status).toBe(404);
    const [{ n }] = await query<{ n: string }>(
      run.databaseUrl,
      `SELECT (SELECT count(*) FROM intake_mailbox WHERE agency_id = $1) + (SELECT count(*) FROM audit_event WHERE entity_id = $2 AND action LIKE 'intake_mailbox.%') AS n`,
      [org.school.id, org.school.id],
    );
    expect(Number(n)).toBe(0);
  });

  it('sets the school’s mailbox, audited, with no password in the database', async () => {
    const res = await admin.put(`/api/v1/units/${org.school.id}/intake-mailbox`, schoolSettings);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ agencyId: org.school.id, host: '127.0.0.1', port: schoolMail.port, tls: false, mailbox: 'INBOX', passwordEnv: 'INTAKE_IMAP_PASSWORD_SCHOOL' });
    expect((await admin.get(`/api/v1/units/${org.school.id}/intake-mailbox`)).body.username).toBe(schoolMail.user);
    const [row] = await query<Record<string, unknown>>(run.databaseUrl, `SELECT * FROM intake_mailbox WHERE agency_id = $1`, [org.school.id]);
    expect(JSON.stringify(row)).not.toContain(schoolMail.password);
    const audit = await query<{ action: string; data: Record<string, unknown> }>(
      run.databaseUrl,
      `SELECT action, data FROM audit_event WHERE entity_type = 'unit' AND entity_id = $1 AND action LIKE 'intake_mailbox.%'`,
      [org.school.id],
    );
    expect(audit.map((a) => a.action)).toContain('intake_mailbox.set');
    expect(JSON.stringify(audit)).not.toContain(schoolMail.password);
  });

  it('refuses the same mailbox for a second agency (409 INTAKE_MAILBOX_TAKEN)', async () => {
    const res = await admin.put(`/api/v1/units/${org.agency.id}/intake-mailbox`, schoolSettings);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INTAKE_MAILBOX_TAKEN');
  });

  it('puts each message into the intake of the agency whose mailbox it reached, once per mailbox', async () => {
    const toAgency = await deliver([agencyMail], 'Công văn gửi Sở');
    const toSchool = await deliver([schoolMail], 'Công văn gửi Trường');
    const toBoth = await deliver([agencyMail, schoolMail], 'Công văn gửi cả Sở và Trường');
    await arrived(clerk, toAgency, 'the agency’s message');
    await arrived(schoolClerk, toSchool, 'the school’s message');
    const agencyCopy = await arrived(clerk, toBoth, 'the agency’s copy of the message to both');
    const schoolCopy = await arrived(schoolClerk, toBoth, 'the school’s copy of the message to both');
    expect(agencyCopy.id).not.toBe(schoolCopy.id);
    expect(schoolCopy.sourceId.startsWith(`127.0.0.1:${schoolMail.port}/`)).toBe(true);

    // Read again and again (the poll runs every second): still one item per message and mailbox.
    await waitFor(async () => {
      const rows = await query<{ agency_id: string; last_uid: string }>(
        run.databaseUrl,
        `SELECT agency_id, last_uid FROM intake_mailbox_state WHERE mailbox = ANY($1)`,
        [[`127.0.0.1:${agencyMail.port}/${agencyMail.user}/INBOX`, `127.0.0.1:${schoolMail.port}/${schoolMail.user}/INBOX`]],
      );
      return rows.length === 2 && rows.every((r) => Number(r.last_uid) >= 2) ? rows : undefined;
    }, 'both mailboxes read to their end');
    const agencyItems = await items(clerk);
    const schoolItems = await items(schoolClerk);
    expect(agencyItems.filter((i) => [toAgency, toBoth].includes(i.messageId!))).toHaveLength(2);
    expect(agencyItems.some((i) => i.messageId === toSchool)).toBe(false);
    expect(schoolItems.filter((i) => [toSchool, toBoth].includes(i.messageId!))).toHaveLength(2);
    expect(schoolItems.some((i) => i.messageId === toAgency)).toBe(false);
  });

  it('shows the administrator the last poll: read, then failing while the server is down, then read again', async () => {
    const url = `/api/v1/units/${org.school.id}/intake-mailbox`;
    type Settings = { lastPolledAt: string | null; lastPollError: string | null };
    const polled = (ready: (s: Settings) => boolean, what: string) =>
      waitFor(async () => {
        const res = await admin.get(url);
        expect(res.status).toBe(200);
        const settings = res.body as Settings;
        return ready(settings) ? settings : undefined;
      }, what, 60_000);
    const read = await polled((s) => s.lastPolledAt !== null && s.lastPollError === null, 'a poll that read the school’s mailbox');
    await schoolMail.pause();
    try {
      const failing = await polled((s) => s.lastPollError !== null && Date.parse(s.lastPolledAt!) > Date.parse(read.lastPolledAt!), 'a poll that failed');
      expect(failing.lastPollError).toMatch(/ECONN|connect|closed/i);
    } finally {
      await schoolMail.resume();
    }
    await polled((s) => s.lastPollError === null, 'a poll that read the mailbox again');
  });

  it('stops reading an agency’s mailbox once it is cleared', async () => {
    expect((await admin.request('DELETE', `/api/v1/units/${org.school.id}/intake-mailbox`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/v1/units/${org.school.id}/intake-mailbox`)).status).toBe(404);
    // A poll already under way when the mailbox was cleared may still read it: the clearing holds
    // from the next poll. Two markers, each delivered once the one before arrived, see that poll end.
    await arrived(clerk, await deliver([agencyMail], 'Thư đánh dấu'), 'the marker message');
    await arrived(clerk, await deliver([agencyMail], 'Thư đánh dấu thứ hai'), 'a poll begun after the clearing');
    const late = await deliver([schoolMail], 'Thư đến sau khi bỏ hộp thư');
    // The agency's mailbox is read in the same polls: once this one arrives, the school's was not read.
    await arrived(clerk, await deliver([agencyMail], 'Thư đánh dấu thứ ba'), 'a poll after the late message');
    expect((await items(schoolClerk)).some((i) => i.messageId === late)).toBe(false);
  });
});
