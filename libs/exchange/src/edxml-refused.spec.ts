import { makeAgencyKeys, sampleHeader } from '../test';
import type { EdxmlAttachment } from './edxml-header';
import { EdxmlRefusal } from './edxml-errors';
import { buildPackage, parsePackage } from './edxml-package';
import { authenticatedRefusal } from './edxml-refused';
import { readMultipart, writeMultipart } from './edxml-mime';

const agencyA = makeAgencyKeys('So GD A');
const now = new Date('2026-12-07T03:00:00Z');
const pdf: EdxmlAttachment = { name: '15_QĐ-SGDĐT.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\nbody\n%%EOF\n') };
const directory = (organId: string) => (organId === '000.00.00.H30' ? agencyA.certificatePem : null);
const build = () => buildPackage({ header: sampleHeader(), traces: [], attachments: [pdf], signer: { privateKey: agencyA.privateKeyPem, certificatePem: agencyA.certificatePem }, now });

async function refusalOf(pkg: { contentType: string; body: Buffer }): Promise<EdxmlRefusal> {
  const error = await parsePackage(pkg.contentType, pkg.body, { senderCertificate: directory, now }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(EdxmlRefusal);
  return error as EdxmlRefusal;
}

describe('a refused package: whom a 02 may answer', () => {
  it('carries the signed identity when the refusal comes after the signature checked out (a changed attachment)', async () => {
    const pkg = build();
    const parts = readMultipart(pkg.contentType, pkg.body, 50);
    const changed = Buffer.from(parts[1].bytes);
    changed[5] ^= 1;
    parts[1] = { ...parts[1], bytes: changed };
    const refusal = await refusalOf(writeMultipart(parts));
    expect(refusal.code).toBe('EDXML_ATTACHMENT_MISMATCH');
    const header = sampleHeader();
    expect(authenticatedRefusal(refusal)).toEqual({
      responseFor: { organId: header.from.organId, code: `${header.code.number}/${header.code.notation}`, promulgationDate: header.promulgation.date, documentId: header.documentId },
      to: header.to.map((t) => t.organId),
    });
  });

  it('carries nothing when the signature does not verify: a forged package makes this side answer nobody', async () => {
    const pkg = build();
    const parts = readMultipart(pkg.contentType, pkg.body, 50);
    parts[0] = { ...parts[0], bytes: Buffer.from(parts[0].bytes.toString('utf8').replace('Về việc tổ chức', 'Về việc huỷ')) };
    const refusal = await refusalOf(writeMultipart(parts));
    expect(refusal.code).toBe('EDXML_SIGNATURE_INVALID');
    expect(authenticatedRefusal(refusal)).toBeNull();
  });
});
