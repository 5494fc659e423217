import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createDemoCa, createDemoCrl, parseCertificate, toPem } from '@eoffice/signing';
import { expectOk, hireActivePerson, uniqueCode } from './support/accounts';
import { certificateForm, DAY, issue, makeTestTrust, opaquePng, organisationForm, personalForm, sealPng, signaturePng, TestTrust } from './support/certificates';
import { count, query } from './support/db';
import { Client } from './support/http';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
let trust: TestTrust;

/** Every file under the store, temp files included: a key file must never land there. */
function storedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

async function writesNothing(attempt: () => Promise<unknown>): Promise<void> {
  const before = { certificates: await count(run.databaseUrl, 'signing_certificate'), audit: await count(run.databaseUrl, 'audit_event') };
  await attempt();
  expect({ certificates: await count(run.databaseUrl, 'signing_certificate'), audit: await count(run.databaseUrl, 'audit_event') }).toEqual(before);
}

describe('signing certificates (chứng thư số)', () => {
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let officer: Client;
  let leader: Client;
  let agencyId: string;
  let schoolId: string;

  beforeAll(async () => {
    trust = makeTestTrust();
    const env = { SIGNING_TRUST_ANCHORS: trust.anchorsFile, SIGNING_CRL_DIR: trust.crlDir };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    // The organisation's administrator works from its agency: that agency is their own by default.
    admin = await org.signIn(api.url, 'admin');
    officer = await org.signIn(api.url, 'officer');
    leader = await org.signIn(api.url, 'head');
    agencyId = org.agency.id;
    schoolId = org.school.id;
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    rmSync(trust.dir, { recursive: true, force: true });
  });

  it('lets a person store their own certificate, and lists it to them without any secret', async () => {
    const issued = issue(trust.ca, { commonName: org.people.officer.fullName });
    const res = await officer.post('/api/v1/certificates', personalForm(issued));
    expect(res.status).toBe(201);
    const expected = parseCertificate(issued.identity.certificate);
    expect(res.body).toMatchObject({
      kind: 'personal',
      commonName: org.people.officer.fullName,
      serialNumber: expected.serialNumber,
      sha256Fingerprint: expected.sha256.toString('hex'),
      validTo: expected.notAfter.toISOString(),
      chainLength: 1,
      active: true,
      agencyId: null,
    });
    const list = await officer.get('/api/v1/certificates');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]); // not the leaders' nor the agencies'
    const keyBody = issued.identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n')[1];
    for (const text of [JSON.stringify(res.body), JSON.stringify(list.body)]) {
      expect(text).not.toContain(issued.passphrase);
      expect(text).not.toContain(keyBody);
      expect(text).not.toMatch(/privateKey|ciphertext|encrypted/i);
    }
    // The image is the person's own upload, readable by them.
    const image = await fetch(`${api.url}/api/v1/files/${res.body.imageFileId}`, { headers: { authorization: `Bearer ${officer.accessToken}` } });
    expect(Buffer.from(await image.arrayBuffer()).equals(signaturePng)).toBe(true);
  });

  it('keeps the private key sealed in the database, and the key file out of the file store and the audit trail', async () => {
    const issued = issue(trust.ca, { commonName: org.people.head.fullName });
    const { id } = await expectOk(leader.post('/api/v1/certificates', personalForm(issued)), 201);
    const [row] = await query(run.databaseUrl, 'SELECT *, encrypted_private_key::text AS sealed FROM signing_certificate WHERE id = $1', [id]);
    const der = issued.identity.privateKey.export({ type: 'pkcs8', format: 'der' });
    const pem = issued.identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rowText = JSON.stringify(row);
    expect(row.sealed).toMatch(/"algorithm": "aes-256-gcm"/);
    expect(rowText).not.toContain(pem.split('\n')[1]);
    expect(rowText).not.toContain(der.toString('base64').slice(-60));
    expect(rowText).not.toContain(der.toString('hex').slice(-60));
    expect(row.certificate_pem).toBe(toPem(issued.identity.certificate));
    const [audit] = await query(run.databaseUrl, `SELECT data::text AS data FROM audit_event WHERE entity_id = $1 AND action = 'certificate.registered'`, [id]);
    expect(audit.data).toContain(row.fingerprint);
    expect(audit.data).not.toContain(issued.passphrase);
    expect(audit.data).not.toMatch(/ciphertext|privateKey/);
    const tail = issued.p12.subarray(-64);
    for (const path of storedFiles(run.fileStoreDir)) expect({ path, holdsKeyFile: readFileSync(path).includes(tail) }).toEqual({ path, holdsKeyFile: false });
  });

  it('stores a certificate sent twice at once only once', async () => {
    const issued = issue(trust.ca, { commonName: org.people.officer.fullName });
    const replies = await Promise.all([officer.post('/api/v1/certificates', personalForm(issued)), officer.post('/api/v1/certificates', personalForm(issued))]);
    expect(replies.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort()).toEqual(['201', '409 CERTIFICATE_DUPLICATE']);
    const fingerprint = parseCertificate(issued.identity.certificate).sha256.toString('hex');
    expect(await query(run.databaseUrl, 'SELECT id FROM signing_certificate WHERE fingerprint = $1', [fingerprint])).toHaveLength(1);
  });

  it('accepts a PKCS#12 made by openssl pkcs12 -export', async () => {
    const issued = issue(trust.ca, { commonName: org.people.officer.fullName });
    const dir = trust.dir;
    writeFileSync(join(dir, 'key.pem'), issued.identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(dir, 'cert.pem'), toPem(issued.identity.certificate));
    writeFileSync(join(dir, 'ca.pem'), toPem(trust.ca.certificate));
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-certfile', join(dir, 'ca.pem'), '-passout', 'pass:openssl-2026', '-out', join(dir, 'openssl.p12')]);
    rmSync(join(dir, 'key.pem'));
    const form = certificateForm({ kind: 'personal', passphrase: 'openssl-2026' }, readFileSync(join(dir, 'openssl.p12')));
    const res = await officer.post('/api/v1/certificates', form);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ commonName: org.people.officer.fullName, chainLength: 1 });
  });

  it('lets an administrator store an agency’s seal certificate: their own agency by default, or the one named', async () => {
    const own = await admin.post('/api/v1/certificates', organisationForm(issue(trust.ca, { commonName: 'Sở GD&ĐT (kiểm thử)' })));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ kind: 'organisation', agencyId, ownerUserId: null });
    const school = await admin.post('/api/v1/certificates', organisationForm(issue(trust.ca, { commonName: 'Trường (kiểm thử)' }), schoolId));
    expect(school.body).toMatchObject({ kind: 'organisation', agencyId: schoolId });
    const department = org.office.id;
    await writesNothing(async () => {
      const res = await admin.post('/api/v1/certificates', organisationForm(issue(trust.ca), department));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });
    const listed = (await admin.get('/api/v1/certificates?pageSize=200')).body.items as Array<{ id: string; kind: string; agencyId: string }>;
    const organisations = listed.filter((c) => c.kind === 'organisation');
    expect(organisations.map((c) => c.id)).toEqual(expect.arrayContaining([own.body.id, school.body.id]));
    // Only the two seals just stored: the organisation has no others.
    expect(new Set(organisations.map((c) => c.agencyId))).toEqual(new Set([agencyId, schoolId]));
    expect(listed.some((c) => c.kind === 'personal')).toBe(false); // the admin has none of their own
  });

  it('refuses an organisation certificate from anyone but an administrator (403), writing nothing', async () => {
    for (const client of [leader, officer]) {
      await writesNothing(async () => {
        const res = await client.post('/api/v1/certificates', organisationForm(issue(trust.ca), agencyId));
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      });
    }
  });

  it('refuses bad key files and certificates with a clear code, writing nothing', async () => {
    const otherCa = createDemoCa('Unknown CA (not trusted)');
    const revoked = issue(trust.ca, { commonName: 'Thu hồi', notBefore: new Date(Date.now() - 5 * DAY) });
    writeFileSync(join(trust.crlDir, 'test-ca.crl'), createDemoCrl(trust.ca, [{ certificate: revoked.identity.certificate, revokedAt: new Date(Date.now() - DAY) }]));
    const good = issue(trust.ca);
    const cases: Array<[string, FormData, number, string]> = [
      ['wrong passphrase', certificateForm({ kind: 'personal', passphrase: 'sai mật khẩu' }, good.p12), 400, 'PKCS12_WRONG_PASSPHRASE'],
      ['not a PKCS#12', certificateForm({ kind: 'personal', passphrase: 'x' }, Buffer.from('%PDF-1.7\n%%EOF\n')), 400, 'PKCS12_INVALID'],
      ['expired', personalForm(issue(trust.ca, { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) })), 400, 'CERTIFICATE_EXPIRED'],
      ['not yet valid', personalForm(issue(trust.ca, { notBefore: new Date(Date.now() + 2 * DAY) })), 400, 'CERTIFICATE_NOT_YET_VALID'],
      ['untrusted', personalForm(issue(otherCa)), 400, 'CERTIFICATE_UNTRUSTED'],
      ['revoked by a CRL', personalForm(revoked), 400, 'CERTIFICATE_REVOKED'],
      ['encryption-only key usage', personalForm(issue(trust.ca, { keyUsage: { keyEncipherment: true } })), 400, 'CERTIFICATE_KEY_USAGE'],
      ['opaque image', personalForm(good, opaquePng()), 400, 'IMAGE_INVALID'],
      ['issued to someone else', personalForm(good), 400, 'CERTIFICATE_HOLDER_MISMATCH'],
      ['seal without its real size', certificateForm({ kind: 'organisation', passphrase: good.passphrase }, good.p12, stripPhys(sealPng)), 400, 'IMAGE_INVALID'],
      ['image not a PNG', certificateForm({ kind: 'personal', passphrase: good.passphrase }, good.p12, Buffer.from('%PDF-1.7\n%%EOF\n'), 'application/pdf'), 415, 'FILE_TYPE_NOT_ALLOWED'],
      ['key file too large', certificateForm({ kind: 'personal', passphrase: 'x' }, Buffer.alloc(65 * 1024, 1)), 413, 'FILE_TOO_LARGE'],
      ['no passphrase', certificateForm({ kind: 'personal' }, good.p12), 400, 'VALIDATION_FAILED'],
      ['unknown kind', certificateForm({ kind: 'seal' as 'personal', passphrase: good.passphrase }, good.p12), 400, 'VALIDATION_FAILED'],
    ];
    const client = (name: string) => (name === 'seal without its real size' ? admin : officer);
    for (const [name, form, status, code] of cases) {
      await writesNothing(async () => {
        const res = await client(name).post('/api/v1/certificates', form);
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
        expect(JSON.stringify(res.body)).not.toContain(good.passphrase);
      });
    }
    rmSync(join(trust.crlDir, 'test-ca.crl'));
  });

  it('lets the owner or an administrator deactivate a certificate, and nobody else see it', async () => {
    const issued = issue(trust.ca, { commonName: org.people.officer.fullName });
    const { id } = await expectOk(officer.post('/api/v1/certificates', personalForm(issued)), 201);
    await writesNothing(async () => expect((await leader.post(`/api/v1/certificates/${id}/revoke`, {})).status).toBe(404));
    const revoked = await officer.post(`/api/v1/certificates/${id}/revoke`, { reason: 'Mất thiết bị' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, active: false, revokedAt: expect.any(String) });
    const again = await officer.post(`/api/v1/certificates/${id}/revoke`); // no body: the reason is optional
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'CERTIFICATE_INACTIVE' });
    const [audit] = await query(run.databaseUrl, `SELECT actor_id, data FROM audit_event WHERE entity_id = $1 AND action = 'certificate.revoked'`, [id]);
    expect(audit.data).toMatchObject({ reason: 'Mất thiết bị', fingerprint: parseCertificate(issued.identity.certificate).sha256.toString('hex') });
    // A deactivated certificate does not come back by uploading it again.
    const reupload = await officer.post('/api/v1/certificates', personalForm(issued));
    expect({ status: reupload.status, code: reupload.body.code }).toEqual({ status: 409, code: 'CERTIFICATE_DUPLICATE' });

    const other = await expectOk(leader.post('/api/v1/certificates', personalForm(issue(trust.ca, { commonName: org.people.head.fullName }))), 201);
    expect((await admin.post(`/api/v1/certificates/${other.id}/revoke`, { reason: 'Nghỉ việc' })).body).toMatchObject({ active: false });
  });

  it('tells owners once per threshold of certificates about to expire; an agency’s administrators for its seal', async () => {
    // The school gets an administrator of its own; a new agency has none, so the installation's are told.
    const schoolAdmin = await hireActivePerson(admin, { unitId: schoolId, roles: ['admin'] });
    const lonely = await expectOk(admin.post('/api/v1/units', { code: uniqueCode('TRG'), name: 'Trường Không Quản trị', kind: 'agency', parentId: agencyId }), 201);
    const upload = (client: Client, form: FormData) => expectOk(client.post('/api/v1/certificates', form), 201);
    const ending = (days: number, commonName: string) => issue(trust.ca, { commonName, notAfter: new Date(Date.now() + days * DAY) });
    const personal = await upload(officer, personalForm(ending(10, org.people.officer.fullName)));
    const schoolSeal = await upload(admin, organisationForm(ending(3, 'Dấu trường sắp hết hạn'), schoolId));
    const lonelySeal = await upload(admin, organisationForm(ending(20, 'Dấu trường không quản trị'), lonely.id));
    const expiring = async (client: Client, certificateId: string) =>
      ((await client.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; certificateId: string; title: string }>).filter(
        (n) => n.certificateId === certificateId,
      );
    const queue = new Queue('notifications', { connection: { url: run.redisUrl }, prefix: run.queuePrefix });
    const runJob = async () => {
      const job = await queue.add('certificate-expiry-reminders', {});
      await waitFor(async () => ((await job.isCompleted()) ? true : undefined), 'the expiry reminder job');
    };
    try {
      await runJob();
      await runJob();
      expect(await expiring(officer, personal.id)).toEqual([
        expect.objectContaining({ kind: 'certificate_expiring', title: expect.stringContaining('còn dưới 30 ngày') }),
      ]);
      expect((await expiring(schoolAdmin.client, schoolSeal.id)).map((n) => n.title)).toEqual([expect.stringContaining('còn dưới 7 ngày')]);
      expect(await expiring(admin, schoolSeal.id)).toEqual([]);
      expect(await expiring(admin, lonelySeal.id)).toHaveLength(1);
      expect(await expiring(leader, lonelySeal.id)).toEqual([]);
      // Days go by: the next threshold is told once more, and only once.
      await query(run.databaseUrl, `UPDATE signing_certificate SET not_after = now() + interval '5 days' WHERE id = $1`, [personal.id]);
      await runJob();
      await runJob();
      expect((await expiring(officer, personal.id)).map((n) => n.title).sort()).toEqual([
        expect.stringContaining('còn dưới 30 ngày'),
        expect.stringContaining('còn dưới 7 ngày'),
      ]);
    } finally {
      await queue.close();
    }
    // Certificates far from their end (those the earlier tests stored) are left alone.
    const [{ n }] = await query(
      run.databaseUrl,
      `SELECT count(*)::int AS n FROM notification n JOIN signing_certificate c ON c.id = n.certificate_id WHERE c.not_after > now() + interval '30 days'`,
    );
    expect(n).toBe(0);
  });
});

/** The demo seal without its pHYs chunk: a PNG that does not say how large the seal really is. */
function stripPhys(png: Buffer): Buffer {
  const parts: Buffer[] = [png.subarray(0, 8)];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) !== 'pHYs') parts.push(png.subarray(at, at + 12 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}
