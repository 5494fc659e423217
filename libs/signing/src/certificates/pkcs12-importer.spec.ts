import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { createDemoCa, exportPkcs12, issueDemoCertificate } from '../demo/demo-certificates';
import { requireTool, runTool, tempFile } from '../../test/external-tools';
import { parseCertificate, toPem } from './certificate-parser';
import { importPkcs12 } from './pkcs12-importer';
import { decryptPrivateKey, encryptPrivateKey } from './private-key-cipher';

describe('PKCS#12 import and private keys at rest', () => {
  const ca = createDemoCa();
  const identity = issueDemoCertificate(ca, { commonName: 'Lê Thị Đào' });
  const p12 = exportPkcs12(identity, [ca.certificate], 'mật-khẩu', 'leader');
  const masterKey = Buffer.alloc(32, 7);

  it('imports key, signer certificate and chain', () => {
    const credentials = importPkcs12(p12, 'mật-khẩu');
    expect(credentials.certificate.equals(identity.certificate)).toBe(true);
    expect(credentials.chain).toHaveLength(1);
    expect(credentials.chain[0].equals(ca.certificate)).toBe(true);
    const spki = (k: Parameters<typeof createPublicKey>[0]) => createPublicKey(k).export({ type: 'spki', format: 'der' });
    expect(spki(credentials.privateKey).equals(spki(identity.privateKey))).toBe(true);
  });

  it('refuses a wrong passphrase with PKCS12_WRONG_PASSPHRASE and does not echo it', () => {
    let error: unknown;
    try {
      importPkcs12(p12, 'sai-mật-khẩu');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'PKCS12_WRONG_PASSPHRASE' });
    expect(String((error as Error).message)).not.toContain('sai-mật-khẩu');
  });

  it('tells a file that is not a PKCS#12 from a wrong passphrase', () => {
    const codeOf = (bytes: Uint8Array) => {
      try {
        importPkcs12(bytes, 'mật-khẩu');
        return 'OK';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(codeOf(Buffer.from('%PDF-1.7 not a key file'))).toBe('PKCS12_INVALID');
    expect(codeOf(identity.certificate)).toBe('PKCS12_INVALID'); // DER, but a certificate
    expect(codeOf(identity.privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe('PKCS12_INVALID'); // version 0, not 3
    expect(codeOf(p12)).toBe('OK');
  });

  it('imports a PKCS#12 made by OpenSSL 3 (AES-256-CBC, SHA-256 MAC) with byte-identical certificates', () => {
    requireTool('openssl');
    writeFileSync(tempFile('key.pem'), identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(tempFile('cert.pem'), toPem(identity.certificate));
    writeFileSync(tempFile('ca.pem'), toPem(ca.certificate));
    const result = runTool('openssl', ['pkcs12', '-export', '-inkey', tempFile('key.pem'), '-in', tempFile('cert.pem'), '-certfile', tempFile('ca.pem'), '-passout', 'pass:secret', '-out', tempFile('openssl.p12')]);
    expect(result.stderr).toBe('');
    const credentials = importPkcs12(readFileSync(tempFile('openssl.p12')), 'secret');
    expect(credentials.certificate.equals(identity.certificate)).toBe(true);
    expect(credentials.chain[0].equals(ca.certificate)).toBe(true);
  });

  it('keeps private keys out of logs and JSON', () => {
    const credentials = importPkcs12(p12, 'mật-khẩu');
    const pem = credentials.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const body = pem.split('\n')[1];
    expect(JSON.stringify(credentials)).not.toContain(body);
    expect(inspect(credentials, { depth: 5 })).not.toContain(body);
  });

  it('seals keys with AES-256-GCM bound to a context', () => {
    const sealed = encryptPrivateKey(identity.privateKey, masterKey, 'account:42');
    const stored = JSON.parse(JSON.stringify(sealed));
    const opened = decryptPrivateKey(stored, masterKey, 'account:42');
    expect(opened.export({ type: 'pkcs8', format: 'der' }).equals(identity.privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain(identity.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64').slice(0, 40));
    expect(() => decryptPrivateKey(stored, Buffer.alloc(32, 8), 'account:42')).toThrow(expect.objectContaining({ code: 'KEY_DECRYPTION_FAILED' }));
    expect(() => decryptPrivateKey(stored, masterKey, 'account:43')).toThrow(expect.objectContaining({ code: 'KEY_DECRYPTION_FAILED' }));
    const tampered = { ...stored, ciphertext: Buffer.from(Buffer.from(stored.ciphertext, 'base64').map((b: number, i: number) => (i === 5 ? b ^ 1 : b))).toString('base64') };
    expect(() => decryptPrivateKey(tampered, masterKey, 'account:42')).toThrow(expect.objectContaining({ code: 'KEY_DECRYPTION_FAILED' }));
    expect(() => encryptPrivateKey(identity.privateKey, Buffer.alloc(31), '')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('seals EC keys too', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const opened = decryptPrivateKey(encryptPrivateKey(privateKey, masterKey), masterKey);
    expect(opened.asymmetricKeyType).toBe('ec');
    expect(parseCertificate(identity.certificate).serialNumber).toMatch(/^[0-9A-F]+$/);
  });
});
