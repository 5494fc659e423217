import { pdfsigResults } from '../libs/signing/test';
import { backdate } from './support/backdate';
import { query } from './support/db';
import { Client } from './support/http';
import {
  createDraft, createTestPki, decisionDraft, download, draftMetadata, pdfText, reviewThrough, sealImage, signatureImage, TestPki, tokenSign, uploadCertificate, vietnamDay,
} from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the signers' certificates stored here must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;

const textOf = pdfText;

/**
 * Issue 16.5: the signer signs on the head's behalf as Decree 30 Phụ lục I II.7.b writes it —
 * KT. for a deputy, TL. by order, TUQ. under a time-limited written authorisation — and the visible
 * signature, the document's record and the register book all say so.
 */
describe('outgoing signing notation: KT., TL. and TUQ. in the signature, the document and the register', () => {
  let api: Api;
  let worker: RunningProcess;
  let pki: TestPki;
  let officer: Client;
  let head: Client; // Trưởng phòng Giáo dục Trung học: signs TL., and TUQ. when authorised
  let clerk: Client;
  let director: Client; // Giám đốc Sở, head of the agency
  let deputy: Client; // Phó Giám đốc Sở: signs KT.
  let admin: Client;
  let stranger: Client; // a leader of the agency who is neither its head, a deputy nor a delegate

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'signing_notation');
    run = isolated.run;
    pki = createTestPki();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    admin = await sign('admin');
    // The deputy signs (leader) as well as following the agency's documents (leadership); a
    // personnel officer made a leader without heading anything stands for "nobody in particular".
    expect((await admin.put(`/api/v1/users/${org.people.deputy.id}/roles`, { roles: ['leader', 'leadership'] })).status).toBe(200);
    expect((await admin.put(`/api/v1/users/${org.people.otherOfficer.id}/roles`, { roles: ['leader'] })).status).toBe(200);
    [officer, head, clerk, director, deputy, stranger] = await Promise.all([
      sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('deputy'), sign('otherOfficer'),
    ]);
    for (const [client, who] of [[director, 'director'], [deputy, 'deputy'], [head, 'head']] as const) {
      expect((await uploadCertificate(client, pki.pkcs12(pki.issue(org.people[who].fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    }
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
  });

  /**
   * A decision whose boxes 7a/7b are blank on the page (the notation can only come from the system),
   * approved for `signer`; `signingTitle` is what the drafter proposed for box 7a (null: the head's
   * recorded position, `Giám đốc Sở`, gives the head's title).
   */
  async function approvedFor(signer: Who, signerClient: Client, signingTitle: string | null = 'GIÁM ĐỐC'): Promise<string> {
    const metadata = await draftMetadata(org, { signerId: org.people[signer].id, signingTitle: signingTitle ?? undefined });
    const created = await createDraft(officer, metadata, await decisionDraft(false));
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, signerClient);
    return created.body.id;
  }

  async function issuedText(docId: string): Promise<string> {
    const issued = await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    expect(issued.status).toBe(200);
    const pdf = await download(clerk, `/api/v1/outgoing/${docId}/pdf`);
    expect(pdfsigResults(pdf)).toMatchObject({ valid: 2, invalid: 0 });
    return textOf(pdf, `issued-${docId}`);
  }

  /** The "Người ký" cell of the document's line in its register book (JSON). */
  async function bookSigner(docId: string) {
    const detail = await clerk.get(`/api/v1/outgoing/${docId}`);
    const book = await clerk.get(`/api/v1/registers/${detail.body.registerId}/book?year=${detail.body.year}`);
    expect(book.status).toBe(200);
    return book.body.rows.find((r) => r.numberSymbol === detail.body.numberSymbol)?.signer;
  }

  it('makes a deputy sign KT. of the head: the visible signature, the document and its issued PDF say so', async () => {
    const docId = await approvedFor('deputy', deputy, 'TL. Giám đốc'); // a wrong prefix proposed: the signer's place decides
    const signed = await deputy.post(`/api/v1/outgoing/${docId}/sign`, {});
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      signingTitle: 'KT. GIÁM ĐỐC',
      signingAuthority: { kind: 'KT', notation: 'KT. GIÁM ĐỐC', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC SỞ', delegationId: null },
    });
    const signedText = textOf(await download(deputy, `/api/v1/outgoing/${docId}/pdf`), `signed-${docId}`);
    expect(signedText).toContain('KT. GIÁM ĐỐC');
    expect(signedText).toContain('PHÓ GIÁM ĐỐC');
    expect(signedText).toContain(org.people.deputy.fullName);
    const text = await issuedText(docId);
    expect(text).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC SỞ');
    expect((await clerk.get(`/api/v1/outgoing/${docId}`)).body.signingAuthority).toMatchObject({ kind: 'KT', notation: 'KT. GIÁM ĐỐC' });
    expect(await bookSigner(docId)).toBe(`KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC SỞ ${org.people.deputy.fullName}`);
  });

  it('refuses someone who is neither head, deputy nor delegate, and a head asking to sign for someone, signing nothing', async () => {
    const docId = await approvedFor('otherOfficer', stranger);
    const refused = await stranger.post(`/api/v1/outgoing/${docId}/sign`, {});
    expect([refused.status, refused.body.code]).toEqual([403, 'SIGNING_AUTHORITY_NOT_HELD']);
    for (const authority of ['KT', 'TL', 'TUQ']) {
      expect((await stranger.post(`/api/v1/outgoing/${docId}/sign`, { authority })).body.code).toBe('SIGNING_AUTHORITY_NOT_HELD');
    }
    expect((await stranger.post(`/api/v1/outgoing/${docId}/sign`, { authority: 'XYZ' })).status).toBe(400);
    expect((await clerk.get(`/api/v1/outgoing/${docId}`)).body).toMatchObject({ status: 'approved', signedAt: null, signingAuthority: null });
    const own = await approvedFor('director', director);
    expect((await director.post(`/api/v1/outgoing/${own}/sign`, { authority: 'KT' })).body.code).toBe('SIGNING_AUTHORITY_NOT_HELD');
    const signed = await director.post(`/api/v1/outgoing/${own}/sign`, {});
    expect(signed.body.signingAuthority).toMatchObject({ kind: 'own', notation: 'GIÁM ĐỐC', signerTitle: 'GIÁM ĐỐC' });
    expect(signed.body.signingTitle).toBe('GIÁM ĐỐC');
  });

  it('lets a department head sign TL. when asked, and the register shows the notation', async () => {
    const docId = await approvedFor('head', head, null);
    // Without a signing delegation a department head signs nothing for the agency by default.
    expect((await head.post(`/api/v1/outgoing/${docId}/sign`, {})).body.code).toBe('SIGNING_AUTHORITY_NOT_HELD');
    const signed = await head.post(`/api/v1/outgoing/${docId}/sign`, { authority: 'TL' });
    expect(signed.body.signingAuthority).toMatchObject({ kind: 'TL', notation: 'TL. GIÁM ĐỐC SỞ', signerTitle: 'TRƯỞNG PHÒNG' });
    expect(await issuedText(docId)).toContain('TL. GIÁM ĐỐC SỞ TRƯỞNG PHÒNG');
    expect(await bookSigner(docId)).toBe(`TL. GIÁM ĐỐC SỞ\nTRƯỞNG PHÒNG ${org.people.head.fullName}`);
  });

  it('keeps the authority chosen when a token signature is prepared, and draws it into what the token signs', async () => {
    const docId = await approvedFor('head', head, null);
    const token = pki.issue(org.people.head.fullName);
    const prepared = await head.post(`/api/v1/outgoing/${docId}/sign/prepare`, { certificate: pem(token.certificate), authority: 'TL' });
    expect(prepared.status).toBe(200);
    const sent = await download(head, `/api/v1/outgoing/${docId}/sign/plugin/${prepared.body.sessionId}/pdf`);
    expect(textOf(sent, `sent-${docId}`)).toContain('TL. GIÁM ĐỐC SỞ TRƯỞNG PHÒNG');
    const completed = await head.post(`/api/v1/outgoing/${docId}/sign/complete`, {
      sessionId: prepared.body.sessionId, signature: tokenSign(token, prepared.body.signedAttributes),
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'signed', signingTitle: 'TL. GIÁM ĐỐC SỞ', signingAuthority: { kind: 'TL' } });
  });

  describe('TUQ. by a signing delegation', () => {
    let delegationId: string;

    it('signs TUQ. inside the delegation\'s period; the register book shows it; the delegate cannot pass it on', async () => {
      const granted = await director.post(`/api/v1/units/${org.agency.id}/delegations`, {
        userId: org.people.head.id, from: vietnamDay(), to: vietnamDay(3), purpose: 'signing', note: 'Giám đốc đi công tác',
      });
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({ purpose: 'signing', userId: org.people.head.id });
      delegationId = granted.body.id;
      // Art. 13.3: không được ủy quyền lại.
      const again = await head.post(`/api/v1/units/${org.agency.id}/delegations`, { userId: org.people.officer.id, from: vietnamDay(), to: vietnamDay(1), purpose: 'signing' });
      expect([again.status, again.body.code]).toEqual([403, 'DELEGATION_NOT_REDELEGABLE']);
      const inbox = await head.post(`/api/v1/units/${org.agency.id}/delegations`, { userId: org.people.officer.id, from: vietnamDay(), to: vietnamDay(1) });
      expect(inbox.body.code).toBe('DELEGATION_NOT_REDELEGABLE');
      const listed = await director.get(`/api/v1/units/${org.agency.id}/delegations`);
      expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([delegationId]);
      // Only an agency's head authorises signing.
      const department = await head.post(`/api/v1/units/${org.teaching.id}/delegations`, { userId: org.people.officer.id, from: vietnamDay(), to: vietnamDay(1), purpose: 'signing' });
      expect([department.status, department.body.code]).toEqual([422, 'SIGNING_DELEGATION_AGENCY_ONLY']);
      // A signing delegation gives no inbox: the delegate's work list of the agency's unit stays as it was.
      const [{ n }] = await query(run.databaseUrl, `SELECT count(*)::int AS n FROM unit_delegation WHERE unit_id = $1 AND purpose = 'inbox'`, [org.agency.id]);
      expect(n).toBe(0);

      const docId = await approvedFor('head', head);
      const signed = await head.post(`/api/v1/outgoing/${docId}/sign`, {});
      expect(signed.status).toBe(200);
      expect(signed.body.signingAuthority).toEqual({
        kind: 'TUQ', notation: 'TUQ. GIÁM ĐỐC', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'TRƯỞNG PHÒNG', delegationId,
      });
      const text = await issuedText(docId);
      expect(text).toContain('TUQ. GIÁM ĐỐC TRƯỞNG PHÒNG');
      expect(text).toContain(org.people.head.fullName);

      expect(await bookSigner(docId)).toBe(`TUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG ${org.people.head.fullName}`);
      const audit = await query(run.databaseUrl, `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'outgoing.sign'`, [docId]);
      expect(audit[0].data).toMatchObject({ signingAuthority: 'TUQ', notation: 'TUQ. GIÁM ĐỐC', signingDelegationId: delegationId });
    });

    it('refuses TUQ. once the delegation has expired, with a code, and signs nothing', async () => {
      const docId = await approvedFor('head', head);
      await backdate(run.databaseUrl, [{ sql: 'UPDATE unit_delegation SET starts_on = $2, ends_on = $3 WHERE id = $1', params: [delegationId, vietnamDay(-10), vietnamDay(-1)] }]);
      for (const body of [{}, { authority: 'TUQ' }]) {
        const refused = await head.post(`/api/v1/outgoing/${docId}/sign`, body);
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe('SIGNING_DELEGATION_OUTSIDE_PERIOD');
        expect(refused.body.detail).toContain(vietnamDay(-1));
      }
      const after = await clerk.get(`/api/v1/outgoing/${docId}`);
      expect(after.body).toMatchObject({ status: 'approved', signedAt: null, signingAuthority: null, signingTitle: 'GIÁM ĐỐC' });
      const [{ n }] = await query(run.databaseUrl, `SELECT count(*)::int AS n FROM outgoing_document WHERE id = $1 AND signed_file_id IS NOT NULL`, [docId]);
      expect(n).toBe(0);
      // An expired delegation is no longer a delegation: the ex-delegate may not delegate, nor is refused as one.
      const again = await head.post(`/api/v1/units/${org.agency.id}/delegations`, { userId: org.people.officer.id, from: vietnamDay(), to: vietnamDay(1), purpose: 'signing' });
      expect(again.status).toBe(403);
    });
  });

  describe('TM. of a collective body and Q. of an acting head', () => {
    it('signs TM. for an agency led by a collective body: the head by default, a deputy KT. under it when asked', async () => {
      const set = await admin.patch(`/api/v1/units/${org.agency.id}`, { collectiveBody: 'Ủy ban nhân dân' });
      expect([set.status, set.body.collectiveBody]).toEqual([200, 'ỦY BAN NHÂN DÂN']);
      const department = await admin.patch(`/api/v1/units/${org.teaching.id}`, { collectiveBody: 'Ban giám hiệu' });
      expect([department.status, department.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      try {
        const chaired = await approvedFor('director', director);
        const signed = await director.post(`/api/v1/outgoing/${chaired}/sign`, {});
        expect(signed.body.signingAuthority).toEqual({ kind: 'TM', notation: 'TM. ỦY BAN NHÂN DÂN', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'GIÁM ĐỐC', delegationId: null });
        expect(await issuedText(chaired)).toContain(`TM. ỦY BAN NHÂN DÂN GIÁM ĐỐC ${org.people.director.fullName}`);
        expect(await bookSigner(chaired)).toBe(`TM. ỦY BAN NHÂN DÂN\nGIÁM ĐỐC ${org.people.director.fullName}`);

        const deputised = await approvedFor('deputy', deputy);
        const asked = await deputy.post(`/api/v1/outgoing/${deputised}/sign`, { authority: 'TM' });
        expect(asked.body).toMatchObject({
          signingTitle: 'TM. ỦY BAN NHÂN DÂN\nKT. GIÁM ĐỐC', signingAuthority: { kind: 'TM', notation: 'TM. ỦY BAN NHÂN DÂN\nKT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC SỞ' },
        });
        expect(await issuedText(deputised)).toContain(`TM. ỦY BAN NHÂN DÂN KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC SỞ ${org.people.deputy.fullName}`);
        expect(await bookSigner(deputised)).toBe(`TM. ỦY BAN NHÂN DÂN\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC SỞ ${org.people.deputy.fullName}`);
      } finally {
        expect((await admin.patch(`/api/v1/units/${org.agency.id}`, { collectiveBody: null })).body.collectiveBody).toBeNull();
      }
      // Without a collective body nobody signs TM.
      const plain = await approvedFor('director', director);
      expect((await director.post(`/api/v1/outgoing/${plain}/sign`, { authority: 'TM' })).body.code).toBe('SIGNING_AUTHORITY_NOT_HELD');
    });

    it('signs Q. under an acting appointment inside its period, KT. again once it ended; Q. then refused with its dates', async () => {
      const department = await admin.post(`/api/v1/units/${org.teaching.id}/delegations`, { userId: org.people.officer.id, from: vietnamDay(), to: vietnamDay(30), purpose: 'acting' });
      expect([department.status, department.body.code]).toEqual([422, 'SIGNING_DELEGATION_AGENCY_ONLY']);
      // The appointment decision (quyết định giao quyền) is recorded by an administrator.
      const appointed = await admin.post(`/api/v1/units/${org.agency.id}/delegations`, {
        userId: org.people.deputy.id, from: vietnamDay(), to: vietnamDay(30), purpose: 'acting', note: 'Quyết định giao quyền Giám đốc Sở',
      });
      expect([appointed.status, appointed.body.purpose]).toEqual([201, 'acting']);
      const docId = await approvedFor('deputy', deputy);
      const signed = await deputy.post(`/api/v1/outgoing/${docId}/sign`, {});
      expect(signed.body).toMatchObject({
        signingTitle: 'Q. GIÁM ĐỐC', signingAuthority: { kind: 'Q', notation: 'Q. GIÁM ĐỐC', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'Q. GIÁM ĐỐC', delegationId: appointed.body.id },
      });
      const text = await issuedText(docId);
      expect(text).toContain(`Q. GIÁM ĐỐC ${org.people.deputy.fullName}`);
      expect(text).not.toContain('PHÓ GIÁM ĐỐC');
      expect(await bookSigner(docId)).toBe(`Q. GIÁM ĐỐC ${org.people.deputy.fullName}`);
      const audit = await query(run.databaseUrl, `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'outgoing.sign'`, [docId]);
      expect(audit[0].data).toMatchObject({ signingAuthority: 'Q', notation: 'Q. GIÁM ĐỐC', signingDelegationId: appointed.body.id });

      await backdate(run.databaseUrl, [{ sql: 'UPDATE unit_delegation SET starts_on = $2, ends_on = $3 WHERE id = $1', params: [appointed.body.id, vietnamDay(-30), vietnamDay(-1)] }]);
      const later = await approvedFor('deputy', deputy);
      const refused = await deputy.post(`/api/v1/outgoing/${later}/sign`, { authority: 'Q' });
      expect([refused.status, refused.body.code]).toEqual([422, 'SIGNING_DELEGATION_OUTSIDE_PERIOD']);
      expect((await deputy.post(`/api/v1/outgoing/${later}/sign`, {})).body.signingAuthority).toMatchObject({ kind: 'KT', notation: 'KT. GIÁM ĐỐC' });
    });
  });
});

function pem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}
