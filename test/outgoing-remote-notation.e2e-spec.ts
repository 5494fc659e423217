import { pdfsigResults } from '../libs/signing/test';
import { backdate } from './support/backdate';
import { query } from './support/db';
import { Client } from './support/http';
import {
  createDraft, createTestPki, decisionDraft, download, draftMetadata, pdfText, reviewThrough, sealImage, signatureImage, TestPki, uploadCertificate, vietnamDay,
} from './support/outgoing';
import { Api, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { RemoteSigningSimulator, startRemoteSigningSimulator } from './support/remote-signing-simulator';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let isolated: IsolatedRun;
let run: E2eRun;

interface RemoteState { status: string; failureCode: string | null; transactionId: string | null }
interface Batch { id: string; status: string; transactionId: string | null; counts: { signed: number; failed: number; pending: number }; items: { documentId: string; status: string; failureCode: string | null }[] }

/**
 * A remote signature (ký số từ xa) says on whose behalf it is made exactly as a stored key's does:
 * KT./TUQ. drawn into the revision sent to the provider, recorded on the document, in the register
 * book and the audit; a TUQ. delegation outside its period is refused when asking, and checked again
 * when the phone's answer arrives.
 */
describe('remote signatures carry the signing authority (KT., TUQ.) like the stored key', () => {
  let api: Api;
  let worker: RunningProcess;
  let sim: RemoteSigningSimulator;
  let pki: TestPki;
  let officer: Client;
  let head: Client; // Trưởng phòng: signs TUQ. under the director's delegation
  let clerk: Client;
  let director: Client;
  let deputy: Client; // Phó Giám đốc: signs KT.
  let admin: Client;
  let delegationId: string;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'remote_notation');
    run = isolated.run;
    pki = createTestPki();
    sim = await startRemoteSigningSimulator();
    const env = {
      SIGNING_TRUST_ANCHORS: pki.anchorsFile,
      REMOTE_SIGNING_CREDENTIALS: JSON.stringify({ simulator: { clientId: sim.clientId, clientSecret: sim.clientSecret } }),
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    admin = await sign('admin');
    expect((await admin.put(`/api/v1/users/${org.people.deputy.id}/roles`, { roles: ['leader', 'leadership'] })).status).toBe(200);
    [officer, head, clerk, director, deputy] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('deputy')]);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    // The deputy's and the department head's keys live at the provider.
    for (const who of ['deputy', 'head'] as const) {
      sim.addSigner(`${who}-credential`, pki.issue(org.people[who].fullName), [pki.ca.certificate]);
      expect((await admin.put(`/api/v1/remote-signing/signers/${org.people[who].id}`, { credentialId: `${who}-credential` })).status).toBe(200);
    }
    const provider = await admin.put('/api/v1/remote-signing/provider', { protocol: 'csc', baseUrl: sim.cscUrl, credentialsKey: 'simulator', timeoutSeconds: 300, pollSeconds: 1 });
    expect(provider.status).toBe(200);
    const granted = await director.post(`/api/v1/units/${org.agency.id}/delegations`, {
      userId: org.people.head.id, from: vietnamDay(), to: vietnamDay(5), purpose: 'signing', note: 'Giám đốc đi công tác nước ngoài',
    });
    expect(granted.status).toBe(201);
    delegationId = granted.body.id;
  }, scaledBudget(300_000));
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sim?.close();
    await isolated?.dispose();
  });

  const image = () => signatureImage().toString('base64');

  /** A decision with blank boxes 7a/7b (the notation can only come from the system), approved for `signer`. */
  async function approvedFor(signer: Who, signerClient: Client, label: string): Promise<string> {
    const metadata = await draftMetadata(org, { signerId: org.people[signer].id, signingTitle: 'GIÁM ĐỐC', subject: `Về việc điều động giáo viên — ${label}` });
    const created = await createDraft(officer, metadata, await decisionDraft(false));
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, signerClient);
    return created.body.id;
  }

  const remoteOf = async (client: Client, id: string): Promise<RemoteState> => (await client.get(`/api/v1/outgoing/${id}`)).body.remoteSigning!;
  const settled = (client: Client, id: string, what: string) =>
    waitFor(async () => {
      const state = await remoteOf(client, id);
      return state.status === 'signed' || state.failureCode ? state : undefined;
    }, what, 60_000);

  /** The "Người ký" cell of the document's line in its register book, once issued. */
  async function issuedBookSigner(id: string): Promise<{ signer: string; text: string }> {
    const issued = await clerk.post(`/api/v1/outgoing/${id}/issue`, {});
    expect([issued.status, issued.body.status]).toEqual([200, 'issued']);
    const pdf = await download(clerk, `/api/v1/outgoing/${id}/pdf`);
    expect(pdfsigResults(pdf)).toMatchObject({ valid: 2, invalid: 0 });
    const book = await clerk.get(`/api/v1/registers/${issued.body.registerId}/book?year=${issued.body.year}`);
    const row = book.body.rows.find((r) => r.numberSymbol === issued.body.numberSymbol);
    return { signer: String(row?.signer), text: pdfText(pdf, `issued-${id}`) };
  }

  it('a deputy signs remotely KT. of the head: drawn in what the phone confirms, recorded, in the register and the audit', async () => {
    const id = await approvedFor('deputy', deputy, 'KT. từ xa');
    const started = await deputy.post(`/api/v1/outgoing/${id}/sign/remote`, { signatureImage: image() });
    expect([started.status, started.body.status]).toEqual([202, 'pending']);
    sim.confirm(started.body.transactionId!);
    expect((await settled(deputy, id, 'the deputy\'s remote signature')).status).toBe('signed');
    const detail = await deputy.get(`/api/v1/outgoing/${id}`);
    expect(detail.body).toMatchObject({
      status: 'signed', signingTitle: 'KT. GIÁM ĐỐC',
      signingAuthority: { kind: 'KT', notation: 'KT. GIÁM ĐỐC', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC SỞ', delegationId: null },
    });
    const signed = await download(deputy, `/api/v1/outgoing/${id}/pdf`);
    expect(pdfsigResults(signed)).toMatchObject({ valid: 1, invalid: 0 });
    expect(pdfText(signed, `remote-kt-${id}`)).toContain(`KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC SỞ ${org.people.deputy.fullName}`);
    const audit = await query(run.databaseUrl, `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action IN ('outgoing.sign_prepared', 'outgoing.sign') ORDER BY id`, [id]);
    expect(audit.map((a) => [a.action, a.data.signingAuthority])).toEqual([['outgoing.sign_prepared', 'KT'], ['outgoing.sign', 'KT']]);
    expect(audit[1].data).toMatchObject({ mode: 'remote', notation: 'KT. GIÁM ĐỐC', signingDelegationId: null });
    const { signer, text } = await issuedBookSigner(id);
    expect(text).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC SỞ');
    expect(signer).toBe(`KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC SỞ ${org.people.deputy.fullName}`);
  });

  it('a remote batch signed by a TUQ. delegate carries TUQ. on each document; the delegate cannot pass the delegation on', async () => {
    const ids = [await approvedFor('head', head, 'TUQ. lô 1'), await approvedFor('head', head, 'TUQ. lô 2')];
    const res = await head.post('/api/v1/outgoing/sign-batch', { ids, method: 'remote', signatureImage: image() });
    expect([res.status, res.body.counts]).toEqual([200, { signed: 0, failed: 0, pending: 2 }]);
    sim.confirm(res.body.transactionId!);
    const done = await waitFor(async () => {
      const batch: Batch = (await head.get(`/api/v1/outgoing/sign-batches/${res.body.id}`)).body;
      return batch.status === 'completed' ? batch : undefined;
    }, 'the TUQ. batch', 60_000);
    expect(done.counts).toEqual({ signed: 2, failed: 0, pending: 0 });
    for (const id of ids) {
      const detail = await head.get(`/api/v1/outgoing/${id}`);
      expect(detail.body.signingAuthority).toEqual({ kind: 'TUQ', notation: 'TUQ. GIÁM ĐỐC', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'TRƯỞNG PHÒNG', delegationId });
      const signed = await download(head, `/api/v1/outgoing/${id}/pdf`);
      expect(pdfText(signed, `remote-tuq-${id}`)).toContain(`TUQ. GIÁM ĐỐC TRƯỞNG PHÒNG ${org.people.head.fullName}`);
    }
    expect((await issuedBookSigner(ids[0])).signer).toBe(`TUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG ${org.people.head.fullName}`);
    // Art. 13.3: the delegate cannot authorise someone else, who then has nothing to sign remotely with.
    const again = await head.post(`/api/v1/units/${org.agency.id}/delegations`, { userId: org.people.deputy.id, from: vietnamDay(), to: vietnamDay(1), purpose: 'signing' });
    expect([again.status, again.body.code]).toEqual([403, 'DELEGATION_NOT_REDELEGABLE']);
  });

  it('refuses TUQ. outside the delegation\'s period when asking (nothing reaches the phone), and when the answer arrives after it ended', async () => {
    const waiting = await approvedFor('head', head, 'TUQ. hết hạn khi chờ');
    const started = await head.post(`/api/v1/outgoing/${waiting}/sign/remote`, { signatureImage: image() });
    expect(started.status).toBe(202);
    // The delegation ends while the request waits on the phone: the answer is not used.
    await backdate(run.databaseUrl, [{ sql: 'UPDATE unit_delegation SET starts_on = $2, ends_on = $3 WHERE id = $1', params: [delegationId, vietnamDay(-10), vietnamDay(-1)] }]);
    sim.confirm(started.body.transactionId!);
    const failed = await settled(head, waiting, 'the late answer refused');
    expect([failed.status, failed.failureCode]).toEqual(['failed', 'SIGNING_DELEGATION_OUTSIDE_PERIOD']);
    expect((await head.get(`/api/v1/outgoing/${waiting}`)).body).toMatchObject({ status: 'approved', signedAt: null, signingAuthority: null });

    const before = sim.transactions.length;
    const refused = await head.post(`/api/v1/outgoing/${waiting}/sign/remote`, { signatureImage: image(), authority: 'TUQ' });
    expect([refused.status, refused.body.code]).toEqual([422, 'SIGNING_DELEGATION_OUTSIDE_PERIOD']);
    expect(refused.body.detail).toContain(vietnamDay(-1));
    const batch = await head.post('/api/v1/outgoing/sign-batch', { ids: [waiting], method: 'remote', signatureImage: image() });
    expect(batch.body.items[0]).toMatchObject({ status: 'failed', failureCode: 'SIGNING_DELEGATION_OUTSIDE_PERIOD' });
    expect(sim.transactions.length).toBe(before);
    const [{ n }] = await query(run.databaseUrl, `SELECT count(*)::int AS n FROM outgoing_document WHERE id = $1 AND signed_file_id IS NOT NULL`, [waiting]);
    expect(n).toBe(0);
  });
});
