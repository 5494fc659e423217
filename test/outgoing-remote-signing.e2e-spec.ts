import { pdfsigResults } from '../libs/signing/test';
import { Client } from './support/http';
import { createDraft, download, draftMetadata, OutgoingMetadata, reviewThrough, signatureImage, TestPki } from './support/outgoing';
import { Api, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { SigningWorld, startSigningWorld } from './support/signing-world';
import type { RemoteSigningSimulator } from './support/remote-signing-simulator';
import { loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let world: SigningWorld;

type Protocol = 'csc' | 'sp769';
interface RemoteState { status: string; failureCode: string | null; message: string; transactionId: string | null; documentRef: string }

describe('outgoing documents signed remotely (ký số từ xa): CSC and sp769 against a simulator', () => {
  let api: Api;
  let sim: RemoteSigningSimulator;
  let pki: TestPki;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let admin: Client;
  let base: OutgoingMetadata;
  let providerId: string;

  beforeAll(async () => {
    world = await startSigningWorld(baseRun, org, 'outgoing_remote', { simulator: true, agencySeal: true });
    ({ pki, sim, api, officer, head, clerk, director, admin } = world);
    // The director's key lives at the provider: the server never holds it.
    const identity = pki.issue(org.people.director.fullName);
    sim.addSigner('director-credential', identity, [pki.ca.certificate]);
    const account = await admin.put(`/api/v1/remote-signing/signers/${org.people.director.id}`, { credentialId: 'director-credential' });
    expect(account.status).toBe(200);
    base = await draftMetadata(org, { subject: 'Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh' });
  });
  afterAll(() => world?.close());

  async function useProvider(protocol: Protocol, timeoutSeconds = 300): Promise<void> {
    const res = await admin.put('/api/v1/remote-signing/provider', {
      protocol, baseUrl: protocol === 'csc' ? sim.cscUrl : sim.sp769Url, credentialsKey: 'simulator', timeoutSeconds, pollSeconds: 1,
    });
    expect(res.status).toBe(200);
    providerId = res.body.id;
  }

  async function approvedDraft(): Promise<string> {
    const created = await createDraft(officer, base);
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, director);
    return created.body.id;
  }

  async function startRemote(documentId: string): Promise<RemoteState> {
    const res = await director.post(`/api/v1/outgoing/${documentId}/sign/remote`, { signatureImage: signatureImage().toString('base64') });
    expect(res.status).toBe(202);
    return res.body;
  }

  const remoteOf = async (documentId: string): Promise<RemoteState & { documentStatus: string; timeline: { action: string }[] }> => {
    const res = await director.get(`/api/v1/outgoing/${documentId}`);
    return { ...(res.body.remoteSigning as RemoteState), documentStatus: res.body.status, timeline: res.body.timeline };
  };

  const settled = (documentId: string, what: string) =>
    waitFor(async () => {
      const state = await remoteOf(documentId);
      // A request past its deadline shows `expired` at once; it is settled when the worker has closed it.
      return state.status === 'signed' || state.failureCode ? state : undefined;
    }, what, 60_000);

  const toldDirector = async (documentId: string, kind: string) =>
    waitFor(async () => {
      const res = await director.get('/api/v1/notifications?pageSize=200');
      return (res.body.items as { kind: string; outgoingDocumentId: string | null }[]).find((n) => n.kind === kind && n.outgoingDocumentId === documentId);
    }, `the director told ${kind}`);

  it.each<Protocol>(['csc', 'sp769'])('%s: only the hash leaves; the confirmation on the phone signs the draft, which verifies and is issued as today', async (protocol) => {
    await useProvider(protocol);
    const documentId = await approvedDraft();
    const started = await startRemote(documentId);
    expect(started.status).toBe('pending');
    expect(started.message).toMatch(/^Chờ xác nhận trên điện thoại từ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    const sent = sim.last();
    expect(sent.protocol).toBe(protocol);
    expect(sent.id).toBe(started.transactionId);
    expect(Buffer.from(sent.hash, 'base64')).toHaveLength(32);
    expect(sent.docId).toBe(started.documentRef);
    expect((await remoteOf(documentId)).status).toBe('pending');
    // A second request while one waits on the phone is refused.
    const twice = await director.post(`/api/v1/outgoing/${documentId}/sign/remote`, { signatureImage: signatureImage().toString('base64') });
    expect([twice.status, twice.body.code]).toEqual([409, 'REMOTE_SIGNING_PENDING']);

    sim.confirm(sent.id);
    const done = await settled(documentId, 'the remote signature');
    expect([done.status, done.documentStatus, done.failureCode]).toEqual(['signed', 'signed', null]);
    const signedPdf = await download(director, `/api/v1/outgoing/${documentId}/pdf`);
    expect(pdfsigResults(signedPdf)).toMatchObject({ valid: 1, invalid: 0 });
    await toldDirector(documentId, 'remote_signed');

    const issued = await clerk.post(`/api/v1/outgoing/${documentId}/issue`, {});
    expect([issued.status, issued.body.status]).toEqual([200, 'issued']);
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${documentId}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
  });

  it('a callback sent twice has one effect; one for an unknown transaction is a 404', async () => {
    await useProvider('sp769');
    const provider = new Client(api.url); // the provider calls without a token
    const documentId = await approvedDraft();
    const started = await startRemote(documentId);
    sim.confirm(started.transactionId!);
    const callback = () => provider.post(`/api/v1/remote-signing/callback/${providerId}`, { transaction_id: started.transactionId, status: 'sig_signed' });
    const answers = await Promise.all([callback(), callback()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const done = await settled(documentId, 'the remote signature');
    expect(done.status).toBe('signed');
    const late = await callback();
    expect([late.status, late.body.status]).toEqual([200, 'signed']);
    expect(done.timeline.filter((e) => e.action === 'sign')).toHaveLength(1);

    const unknown = await provider.post(`/api/v1/remote-signing/callback/${providerId}`, { transaction_id: 'no-such-transaction' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'REMOTE_TRANSACTION_UNKNOWN']);
    const unknownProvider = await provider.post('/api/v1/remote-signing/callback/00000000-0000-4000-8000-000000000000', { responseID: started.transactionId });
    expect([unknownProvider.status, unknownProvider.body.code]).toEqual([404, 'REMOTE_TRANSACTION_UNKNOWN']);
  });

  it('csc: a rejection on the phone leaves the draft approved and the leader told; signing again works', async () => {
    await useProvider('csc');
    const documentId = await approvedDraft();
    const first = await startRemote(documentId);
    sim.reject(first.transactionId!);
    const rejected = await settled(documentId, 'the rejection');
    expect([rejected.status, rejected.failureCode, rejected.documentStatus]).toEqual(['rejected', 'REMOTE_SIGNING_REJECTED', 'approved']);
    await toldDirector(documentId, 'remote_sign_failed');

    const second = await startRemote(documentId);
    expect(second.transactionId).not.toBe(first.transactionId);
    sim.confirm(second.transactionId!);
    expect((await settled(documentId, 'the second request')).status).toBe('signed');
  });

  it('sp769: no confirmation before the provider’s timeout expires the request; polling stops', async () => {
    await useProvider('sp769', 10);
    const documentId = await approvedDraft();
    await startRemote(documentId);
    const expired = await settled(documentId, 'the expiry');
    expect([expired.status, expired.failureCode, expired.documentStatus]).toEqual(['expired', 'REMOTE_SIGNING_EXPIRED', 'approved']);
    const polls = sim.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(sim.requests.length).toBe(polls);
  });

  it.each<Protocol>(['csc', 'sp769'])('%s: a signature over another hash, or garbage, leaves the draft unsigned', async (protocol) => {
    await useProvider(protocol);
    const documentId = await approvedDraft();
    sim.signWrongHash = true;
    try {
      const started = await startRemote(documentId);
      sim.confirm(started.transactionId!);
      const failed = await settled(documentId, 'the refusal');
      expect([failed.status, failed.failureCode, failed.documentStatus]).toEqual(['failed', 'REMOTE_SIGNATURE_MISMATCH', 'approved']);
    } finally {
      sim.signWrongHash = false;
    }
    sim.garbage = true;
    try {
      await startRemote(documentId);
      const failed = await settled(documentId, 'the garbage');
      expect([failed.status, failed.failureCode, failed.documentStatus]).toEqual(['failed', 'REMOTE_PROVIDER_FAILED', 'approved']);
    } finally {
      sim.garbage = false;
    }
  });
});
