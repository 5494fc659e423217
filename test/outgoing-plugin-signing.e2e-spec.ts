import { applyLeaderSignature, createDemoCa, DemoIdentity, issueDemoCertificate } from '@eoffice/signing';
import { pdfsigResults } from '../libs/signing/test';
import { filePart } from './support/documents';
import { Client } from './support/http';
import { createDraft, download, draftMetadata, OutgoingMetadata, reviewThrough, signatureImage, TestPki } from './support/outgoing';
import { ownOrganisation } from './support/organisation';
import { SigningWorld, startSigningWorld } from './support/signing-world';
import { loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the seal certificate stored here must not become other suites' signer. */
let world: SigningWorld;

/** What a whole-PDF signing plugin does on the leader's computer: append a signature to the PDF it was given. */
async function pluginSign(pdf: Buffer, identity: DemoIdentity, chain: Buffer[]): Promise<Buffer> {
  const signed = await applyLeaderSignature(pdf, {
    credentials: { ...identity, chain },
    signerName: org.people.director.fullName,
    signatureImage: signatureImage(),
    trust: { trustAnchors: chain.slice(-1) },
  });
  return signed.toBuffer();
}

async function upload(client: Client, path: string, pdf: Buffer) {
  const form = new FormData();
  filePart(form, 'file', pdf, 'signed.pdf', 'application/pdf');
  return client.post(path, form);
}

describe('outgoing documents signed by a whole-PDF signing plugin', () => {
  let pki: TestPki;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let base: OutgoingMetadata;
  let token: DemoIdentity;

  beforeAll(async () => {
    world = await startSigningWorld(baseRun, org, 'outgoing_plugin', { worker: false, agencySeal: true });
    ({ pki, officer, head, clerk, director } = world);
    // The key lives in the plugin's token: the server never sees it, nor is it stored as a certificate.
    token = pki.issue(org.people.director.fullName);
    base = await draftMetadata(org, { subject: 'Về việc khen thưởng giáo viên dạy giỏi cấp tỉnh' });
  });
  afterAll(() => world?.close());

  async function approvedDraft(): Promise<string> {
    const created = await createDraft(officer, base);
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, director);
    return created.body.id;
  }

  it('accepts the sent PDF plus the plugin’s signature; the clerk then numbers and seals it', async () => {
    const documentId = await approvedDraft();
    const opened = await director.post(`/api/v1/outgoing/${documentId}/sign/plugin`, {});
    expect(opened.status).toBe(200);
    const sent = await download(director, opened.body.pdfPath);
    expect(sent.subarray(0, 5).toString()).toBe('%PDF-');

    // A copy whose first bytes differ is refused, and nothing changes: the session stays usable.
    const tampered = Buffer.from(sent);
    tampered[11] ^= 1; // in the binary comment of the header line: still a PDF, no longer the bytes sent
    const refused = await upload(director, `/api/v1/outgoing/${documentId}/sign/plugin/${opened.body.sessionId}`, await pluginSign(tampered, token, [pki.ca.certificate]));
    expect([refused.status, refused.body.code]).toEqual([422, 'PREFIX_MISMATCH']);
    expect((await director.get(`/api/v1/outgoing/${documentId}`)).body.status).toBe('approved');

    const signed = await pluginSign(sent, token, [pki.ca.certificate]);
    const accepted = await upload(director, `/api/v1/outgoing/${documentId}/sign/plugin/${opened.body.sessionId}`, signed);
    expect([accepted.status, accepted.body.status]).toEqual([200, 'signed']);
    const again = await upload(director, `/api/v1/outgoing/${documentId}/sign/plugin/${opened.body.sessionId}`, signed);
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    const stored = await download(director, `/api/v1/outgoing/${documentId}/pdf`);
    expect(stored.equals(signed)).toBe(true);

    const issued = await clerk.post(`/api/v1/outgoing/${documentId}/issue`, {});
    expect([issued.status, issued.body.status]).toEqual([200, 'issued']);
    const report = await clerk.get(`/api/v1/outgoing/${documentId}/signatures`);
    expect(report.body.signatures.map((s: { intact: boolean; certificateTrusted: boolean }) => [s.intact, s.certificateTrusted])).toEqual([[true, true], [true, true]]);
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${documentId}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
  });

  it('refuses a certificate no trust anchor vouches for or issued to someone else, the wrong session, and anyone but the signer', async () => {
    const documentId = await approvedDraft();
    const { body } = await director.post(`/api/v1/outgoing/${documentId}/sign/plugin`, {});
    const sent = await download(director, body.pdfPath);
    const stranger = createDemoCa('Unknown CA');
    const untrusted = await upload(
      director,
      `/api/v1/outgoing/${documentId}/sign/plugin/${body.sessionId}`,
      await pluginSign(sent, issueDemoCertificate(stranger, { commonName: 'Trần Thị Ánh Tuyết' }), [stranger.certificate]),
    );
    expect([untrusted.status, untrusted.body.code]).toEqual([400, 'CERTIFICATE_UNTRUSTED']);

    const anothers = await upload(director, `/api/v1/outgoing/${documentId}/sign/plugin/${body.sessionId}`, await pluginSign(sent, pki.issue('Lê Minh Khoa'), [pki.ca.certificate]));
    expect([anothers.status, anothers.body.code]).toEqual([400, 'CERTIFICATE_HOLDER_MISMATCH']);

    const signed = await pluginSign(sent, token, [pki.ca.certificate]);
    const wrongSession = await upload(director, `/api/v1/outgoing/${documentId}/sign/plugin/00000000-0000-4000-8000-000000000000`, signed);
    expect([wrongSession.status, wrongSession.body.code]).toEqual([400, 'SIGNING_SESSION_INVALID']);
    expect((await head.get(`/api/v1/outgoing/${documentId}/sign/plugin/${body.sessionId}/pdf`)).status).toBe(404);
    const notSigner = await upload(head, `/api/v1/outgoing/${documentId}/sign/plugin/${body.sessionId}`, signed);
    expect(notSigner.status).toBe(403);
    const notPdf = await upload(director, `/api/v1/outgoing/${documentId}/sign/plugin/${body.sessionId}`, Buffer.from('not a pdf at all'));
    expect([notPdf.status, notPdf.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    expect((await director.get(`/api/v1/outgoing/${documentId}`)).body.status).toBe('approved');
  });
});
