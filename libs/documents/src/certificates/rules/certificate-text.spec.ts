import { createDemoCa, parseCertificate, toPem } from '@eoffice/signing';
import { decodePresentedCertificate, splitPemCertificates } from './certificate-text';

describe('certificates as text', () => {
  const a = createDemoCa('A');
  const b = createDemoCa('B');

  it('splits a PEM bundle into its certificates', () => {
    const bundle = `# trust anchors\n${toPem(a.certificate)}\nsome comment\n${toPem(b.certificate)}`;
    const pems = splitPemCertificates(bundle);
    expect(pems.map((pem) => parseCertificate(pem).der)).toEqual([a.certificate, b.certificate]);
    expect(splitPemCertificates('no certificate here')).toEqual([]);
  });

  it('reads a presented certificate as PEM, base64 DER, or URL-safe base64 with line breaks', () => {
    const der = a.certificate;
    const asDer = (input: string | Uint8Array) => parseCertificate(input).der;
    expect(asDer(decodePresentedCertificate(toPem(der)))).toEqual(der);
    expect(asDer(decodePresentedCertificate(der.toString('base64')))).toEqual(der);
    const urlSafe = der.toString('base64url').replace(/(.{60})/g, '$1\n');
    expect(asDer(decodePresentedCertificate(urlSafe))).toEqual(der);
  });

  it('refuses what is neither, and more than one certificate', () => {
    const code = (text: string) => {
      try {
        decodePresentedCertificate(text);
        return 'OK';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code('')).toBe('CERTIFICATE_INVALID');
    expect(code('not base64 at all!')).toBe('CERTIFICATE_INVALID');
    expect(code(toPem(a.certificate) + toPem(b.certificate))).toBe('CERTIFICATE_INVALID');
    expect(code('x'.repeat(70_000))).toBe('CERTIFICATE_INVALID');
  });
});
