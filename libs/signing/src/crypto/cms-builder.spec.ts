import { createHash, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCertificate, toPem } from '../certificates/certificate-parser';
import { requireTool, runTool, tempFile } from '../../test/external-tools';
import { createTestPki, TestPki } from '../../test/pki-fixture';
import { buildSignedAttributes, buildSignedData, sha256, signatureAlgorithmFor } from './cms-builder';
import { messageDigestOf, parseSignedData } from './cms-parser';
import { verifyDetachedCms } from './cms-verifier';
import { Oid } from './oids';

describe('CMS (CAdES detached) building and verification', () => {
  let test: TestPki;
  const content = Buffer.from('Nội dung văn bản được ký — bytes covered by the ByteRange');

  beforeAll(() => {
    requireTool('openssl');
    test = createTestPki();
  });

  function signedCms(data: Buffer): Buffer {
    const signer = parseCertificate(test.leader.certificate);
    const signedAttributes = buildSignedAttributes(sha256(data), signer);
    return buildSignedData({
      signedAttributes,
      signature: sign('sha256', signedAttributes, test.leader.privateKey),
      signer,
      certificates: [signer, ...test.leader.chain.map((c) => parseCertificate(c))],
      algorithm: signatureAlgorithmFor(test.leader.privateKey),
    });
  }

  it('carries exactly contentType, messageDigest and signing-certificate-v2 as signed attributes', () => {
    const cms = parseSignedData(signedCms(content));
    const [info] = cms.signers;
    expect([...info.attributes.keys()].sort()).toEqual([Oid.contentType, Oid.messageDigest, Oid.signingCertificateV2].sort());
    expect(info.attributes.has(Oid.signingTime)).toBe(false);
    expect(messageDigestOf(info)?.equals(sha256(content))).toBe(true);
    expect(cms.hasEncapsulatedContent).toBe(false);
    expect(cms.certificates).toHaveLength(2);
  });

  it('verifies with our verifier and detects a changed document', () => {
    const cms = parseSignedData(signedCms(content));
    const good = verifyDetachedCms(cms, (algorithm) => createHash(algorithm).update(content).digest());
    expect(good).toMatchObject({ intact: true, digestMatches: true, signatureValid: true, signingCertificateMatches: true });
    const tampered = Buffer.from(content);
    tampered[3] ^= 1;
    const bad = verifyDetachedCms(cms, (algorithm) => createHash(algorithm).update(tampered).digest());
    expect(bad.intact).toBe(false);
    expect(bad.digestMatches).toBe(false);
  });

  it('is accepted by OpenSSL as a valid detached signature chaining to the demo CA', () => {
    const cmsPath = tempFile('cms.der', signedCms(content));
    const contentPath = tempFile('content.bin', content);
    const caPath = tempFile('ca.pem');
    writeFileSync(caPath, toPem(test.pki.ca.certificate));
    const verify = runTool('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsPath, '-content', contentPath, '-CAfile', caPath, '-purpose', 'any', '-out', tempFile('out.bin')]);
    expect(verify.stderr).toContain('Verification successful');
    expect(readFileSync(tempFile('out.bin')).equals(content)).toBe(true);
    const tamperedPath = tempFile('tampered.bin', Buffer.concat([content, Buffer.from('!')]));
    const rejected = runTool('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsPath, '-content', tamperedPath, '-CAfile', caPath, '-purpose', 'any', '-out', tempFile('out2.bin')]);
    expect(rejected.status).not.toBe(0);
  });
});
