import { createSign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoCa, createDemoSealPng, createDemoSignaturePng, DemoIdentity, exportPkcs12, issueDemoCertificate, toPem } from '@eoffice/signing';
import { buildDecisionSource, runTool, tempFile } from '../../libs/signing/test';
import { Client } from './http';
import { filePart } from './documents';
import type { E2eOrganisation } from './organisation';

/** A test PKI: a CA the API under test is told to trust, and identities issued by it. */
export interface TestPki {
  ca: DemoIdentity;
  anchorsFile: string;
  issue(commonName: string, options?: { notAfter?: Date; notBefore?: Date }): DemoIdentity;
  pkcs12(identity: DemoIdentity, passphrase: string): Buffer;
}

export function createTestPki(): TestPki {
  const ca = createDemoCa('eOffice e2e CA');
  const anchorsFile = join(mkdtempSync(join(tmpdir(), 'eoffice-pki-')), 'anchors.pem');
  writeFileSync(anchorsFile, toPem(ca.certificate));
  return {
    ca,
    anchorsFile,
    issue: (commonName, options = {}) => issueDemoCertificate(ca, { commonName, organisation: 'Sở GDĐT Tây Ninh', ...options }),
    pkcs12: (identity, passphrase) => exportPkcs12(identity, [ca.certificate], passphrase, 'e2e'),
  };
}

export async function uploadCertificate(client: Client, p12: Buffer, kind: 'personal' | 'organisation', image: Buffer) {
  const form = new FormData();
  filePart(form, 'pkcs12', p12, 'cert.p12', 'application/x-pkcs12');
  form.append('passphrase', 'e2e-pass');
  form.append('kind', kind);
  filePart(form, 'image', image, 'image.png', 'image/png');
  return client.post('/api/v1/certificates', form);
}

export const signatureImage = () => createDemoSignaturePng();
export const sealImage = () => createDemoSealPng();

/** A two-page Quyết định laid out by the Decree 30 template (boxes 3, 4 and 7c left blank; 7a/7b too without `printedSigningBlock`). */
export async function decisionDraft(printedSigningBlock = true): Promise<Buffer> {
  return Buffer.from(await buildDecisionSource(false, printedSigningBlock));
}

export interface OutgoingMetadata {
  documentType: string;
  subject: string;
  recipients: { unitIds: string[]; external: { name: string; email: string }[]; paper?: { name: string }[] };
  urgency: string;
  confidentiality: string;
  signerId: string;
  [key: string]: unknown;
}

/** Ngoài hệ thống: an organisation reached by e-mail. */
export const OUTSIDE_RECIPIENT = { name: 'Sở Nội vụ tỉnh Tây Ninh', email: 'vanphong@snv.tayninh.gov.vn' };

/** A decision the teaching department's officer drafts for the director to sign, sent to the attached school. */
export async function draftMetadata(
  org: E2eOrganisation,
  overrides: Partial<OutgoingMetadata> = {},
  external: OutgoingMetadata['recipients']['external'] = [],
): Promise<OutgoingMetadata> {
  const [school, director] = [org.school, org.people.director];
  return {
    documentType: 'Quyết định',
    subject: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh',
    recipients: { unitIds: [school.id], external },
    urgency: 'normal',
    confidentiality: 'normal',
    signerId: director.id,
    signingTitle: 'GIÁM ĐỐC',
    ...overrides,
  };
}

export async function createDraft(officer: Client, metadata: OutgoingMetadata, draft?: Buffer, filename = 'du-thao.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.append('metadata', JSON.stringify(metadata));
  filePart(form, 'draft', draft ?? (await decisionDraft()), filename, type);
  return officer.post('/api/v1/outgoing', form);
}

/** Submit, then the unit head, the clerk's format check and the signer approve. */
export async function reviewThrough(id: string, officer: Client, head: Client, clerk: Client, signer: Client): Promise<void> {
  for (const [client, step] of [[officer, 'submit'], [head, 'approve'], [clerk, 'approve'], [signer, 'approve']] as const) {
    const res = await client.post(`/api/v1/outgoing/${id}/${step}`, { comment: `${step} ok` });
    if (res.status !== 200) throw new Error(`${step} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** What a client plugin does with the leader's USB token: sign the signed attributes with the token's key. */
export function tokenSign(identity: DemoIdentity, signedAttributesBase64: string): string {
  const signer = createSign('sha256');
  signer.update(Buffer.from(signedAttributesBase64, 'base64'));
  return signer.sign(identity.privateKey).toString('base64');
}

export async function download(client: Client, path: string): Promise<Buffer> {
  const res = await fetch(`${client.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.accessToken}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** YYYY-MM-DD in Vietnam time, `days` from today (the accounts helpers' `vnDate`). */
export { vnDate as vietnamDay } from './accounts';

/** The words pdftotext finds in a PDF, the signature widgets' appearances included, spaces folded. */
export const pdfText = (pdf: Buffer, name: string) => runTool('pdftotext', [tempFile(`${name}.pdf`, pdf), '-']).stdout.replace(/\s+/g, ' ');

/** Attaches an appendix (phụ lục) to a draft: multipart `title` and `file`. */
export async function attachAppendix(client: Client, documentId: string, title: string | undefined, pdf: Buffer, type = 'application/pdf') {
  const form = new FormData();
  if (title !== undefined) form.append('title', title);
  filePart(form, 'file', pdf, 'phu-luc.pdf', type);
  return client.post(`/api/v1/outgoing/${documentId}/appendices`, form);
}
