import { createDemoCa, DemoIdentity, issueDemoCertificate } from '../demo/demo-certificates';
import { createDemoCrl } from '../demo/demo-crl';
import { SigningErrorCode } from '../errors/signing-error';
import { checkCertificate, CertificateCheckOptions } from './certificate-checker';
import { parseCertificate, toPem } from './certificate-parser';

const DAY = 86_400_000;

describe('checkCertificate', () => {
  let ca: DemoIdentity;
  let otherCa: DemoIdentity;
  let good: DemoIdentity;
  const now = new Date();

  beforeAll(() => {
    ca = createDemoCa(undefined, new Date(now.getTime() - 500 * DAY));
    otherCa = createDemoCa('Some other CA');
    good = issueDemoCertificate(ca, { commonName: 'Trần Thị Bình' });
  });

  function codeOf(certificate: Buffer, options: Partial<CertificateCheckOptions> = {}): SigningErrorCode | 'OK' {
    try {
      checkCertificate(certificate, { trustAnchors: [ca.certificate], ...options });
      return 'OK';
    } catch (error) {
      return (error as { code: SigningErrorCode }).code;
    }
  }

  it('accepts a valid certificate and returns its chain up to the anchor', () => {
    const result = checkCertificate(good.certificate, { trustAnchors: [ca.certificate] });
    expect(result.chain.map((c) => c.der)).toEqual([good.certificate, ca.certificate]);
    expect(result.certificate.subject.find((a) => a.label === 'CN')?.value).toBe('Trần Thị Bình');
    const fromPem = checkCertificate(toPem(good.certificate), { trustAnchors: [toPem(ca.certificate)] });
    expect(fromPem.chain).toHaveLength(2);
  });

  it('refuses expired and not-yet-valid certificates', () => {
    const expired = issueDemoCertificate(ca, { commonName: 'Expired', notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY) });
    const future = issueDemoCertificate(ca, { commonName: 'Future', notBefore: new Date(now.getTime() + DAY) });
    expect(codeOf(expired.certificate)).toBe('CERTIFICATE_EXPIRED');
    expect(codeOf(future.certificate)).toBe('CERTIFICATE_NOT_YET_VALID');
    // Checked at the given instant: an expired certificate was fine when it was valid.
    expect(codeOf(expired.certificate, { at: new Date(now.getTime() - 100 * DAY) })).toBe('OK');
  });

  it('refuses certificates that do not chain to a trust anchor', () => {
    const foreign = issueDemoCertificate(otherCa, { commonName: 'Foreign signer' });
    expect(codeOf(foreign.certificate)).toBe('CERTIFICATE_UNTRUSTED');
    expect(codeOf(good.certificate, { trustAnchors: [otherCa.certificate] })).toBe('CERTIFICATE_UNTRUSTED');
    expect(codeOf(foreign.certificate, { trustAnchors: [ca.certificate, otherCa.certificate] })).toBe('OK');
  });

  it('refuses a certificate whose key usage does not allow signing', () => {
    const encryptionOnly = issueDemoCertificate(ca, { commonName: 'Encryption only', keyUsage: { keyEncipherment: true } });
    expect(parseCertificate(encryptionOnly.certificate).keyUsage).toEqual(new Set(['keyEncipherment']));
    expect(codeOf(encryptionOnly.certificate)).toBe('CERTIFICATE_KEY_USAGE');
  });

  it('refuses a certificate revoked by a CRL its issuer signed, and ignores CRLs from others', () => {
    const revoked = issueDemoCertificate(ca, { commonName: 'Revoked', notBefore: new Date(now.getTime() - 10 * DAY) });
    const revocation = { certificate: revoked.certificate, revokedAt: new Date(now.getTime() - DAY) };
    const crl = createDemoCrl(ca, [revocation]);
    expect(codeOf(revoked.certificate, { crls: [crl] })).toBe('CERTIFICATE_REVOKED');
    expect(codeOf(good.certificate, { crls: [crl] })).toBe('OK');
    expect(codeOf(revoked.certificate, { crls: [createDemoCrl(otherCa, [revocation])] })).toBe('OK');
    // Before the revocation date the certificate was still good.
    expect(codeOf(revoked.certificate, { crls: [crl], at: new Date(now.getTime() - 2 * DAY) })).toBe('OK');
  });

  it('reports an unreadable certificate as CERTIFICATE_INVALID', () => {
    expect(codeOf(Buffer.from('not a certificate'))).toBe('CERTIFICATE_INVALID');
  });
});
