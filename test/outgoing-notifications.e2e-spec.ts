import type { Schemas } from './support/api';
import { Client } from './support/http';
import { createDraft, createTestPki, draftMetadata, OutgoingMetadata, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificate stored here must not become other suites' signer. */
let isolated: IsolatedRun;
let run: E2eRun;

type Told = Schemas['NotificationDto'];

async function toldAbout(client: Client, documentId: string): Promise<Told[]> {
  const res = await client.get('/api/v1/notifications?pageSize=200');
  return res.body.items.filter((n) => n.outgoingDocumentId === documentId).reverse();
}

/** Waits until `client` has `count` notifications about the document (the worker makes them). */
async function waitUntilTold(client: Client, documentId: string, count: number, what: string): Promise<Told[]> {
  return waitFor(async () => {
    const told = await toldAbout(client, documentId);
    return told.length >= count ? told : undefined;
  }, what);
}

describe('outgoing drafts: whoever’s turn it is gets told', () => {
  let api: Api;
  let worker: RunningProcess;
  let officer: Client; // officer of the teaching department
  let head: Client; // head of the teaching department
  let clerk: Client; // the agency's clerk
  let director: Client; // the director, the signer
  let base: OutgoingMetadata;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outgoing_notify');
    run = isolated.run;
    const pki = createTestPki();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    [officer, head, clerk, director] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director')]);
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    base = await draftMetadata(org, { documentType: 'Công văn', subject: 'Về việc tổ chức hội thảo chuyên đề dạy học Ngữ văn' });
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
  });

  const act = async (client: Client, documentId: string, step: string, body: object = { comment: `${step} ok` }) => {
    const res = await client.post(`/api/v1/outgoing/${documentId}/${step}`, body);
    expect(res.status).toBe(200);
  };

  it('tells the unit head, the office, the signer, the author of a returned draft and the clerks of a signed one', async () => {
    const { body } = await createDraft(officer, base);
    await act(officer, body.id, 'submit');
    const [review] = await waitUntilTold(head, body.id, 1, 'the unit head is told');
    expect(review).toMatchObject({ kind: 'outgoing_review', title: expect.stringContaining('chờ trưởng đơn vị duyệt') });
    expect(review.title).toContain(base.subject);

    await act(head, body.id, 'approve');
    const [formatCheck] = await waitUntilTold(clerk, body.id, 1, 'the office is told');
    expect(formatCheck.title).toContain('kiểm tra thể thức');

    await act(clerk, body.id, 'reject', { comment: 'Sai thể thức trích yếu' });
    const [returned] = await waitUntilTold(officer, body.id, 1, 'the author is told');
    expect(returned).toMatchObject({ kind: 'outgoing_returned', title: expect.stringContaining('bị trả lại') });

    await act(officer, body.id, 'submit');
    expect(await waitUntilTold(head, body.id, 2, 'the unit head is told again')).toHaveLength(2);
    await act(head, body.id, 'approve');
    await act(clerk, body.id, 'approve');
    const [toSign] = await waitUntilTold(director, body.id, 1, 'the signer is told');
    expect(toSign.title).toContain('chờ duyệt ký');
    await act(director, body.id, 'approve');
    await act(director, body.id, 'sign', {});
    const clerkTold = await waitUntilTold(clerk, body.id, 3, 'the clerks are told to issue');
    expect(clerkTold.map((n) => n.kind)).toEqual(['outgoing_review', 'outgoing_review', 'outgoing_to_issue']);

    // Nobody is told of their own change: the signer approved and signed, the author submitted.
    expect((await toldAbout(director, body.id)).map((n) => n.kind)).toEqual(['outgoing_review']);
    expect((await toldAbout(officer, body.id)).map((n) => n.kind)).toEqual(['outgoing_returned']);
  });

  it('lets a confidential draft pass each reviewer while it is their turn, with no subject in the notifications', async () => {
    const { body } = await createDraft(officer, { ...base, confidentiality: 'confidential', subject: 'Về phương án bảo vệ đề thi' });
    await act(officer, body.id, 'submit');
    const [review] = await waitUntilTold(head, body.id, 1, 'the unit head is told');
    expect(review.title).toContain('văn bản mật');
    expect(review.title).not.toContain('đề thi');
    expect((await head.get(`/api/v1/outgoing/${body.id}`)).status).toBe(200);
    await act(head, body.id, 'approve');
    // Their turn has passed: the head no longer sees a confidential draft; the office now does.
    expect((await head.get(`/api/v1/outgoing/${body.id}`)).status).toBe(404);
    await waitUntilTold(clerk, body.id, 1, 'the office is told');
    await act(clerk, body.id, 'approve');
    expect((await clerk.get(`/api/v1/outgoing/${body.id}`)).status).toBe(404);
    await waitUntilTold(director, body.id, 1, 'the signer is told');
  });
});
