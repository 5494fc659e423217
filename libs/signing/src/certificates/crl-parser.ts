import { SigningError } from '../errors/signing-error';
import { contextTag, decodeOid, decodeTime, DerTag, derBytes, derChildren, derContent, readDer } from '../crypto/der-reader';
import { verifySignatureValue } from '../crypto/cms-verifier';
import { ParsedCertificate, serialHex } from './certificate-parser';

export interface ParsedCrl {
  issuerDer: Buffer;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Serial (upper-case hex) → revocation date */
  revoked: Map<string, Date>;
  tbsDer: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
}

export function crlDer(input: Uint8Array | string): Buffer {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const match = /-----BEGIN X509 CRL-----([\s\S]+?)-----END X509 CRL-----/.exec(text);
  if (match) return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
  return Buffer.from(input as Uint8Array);
}

/** Parses an X.509 CRL (RFC 5280 §5). */
export function parseCrl(input: Uint8Array | string): ParsedCrl {
  const der = crlDer(input);
  try {
    const [tbs, algorithm, signature] = derChildren(der, readDer(der));
    const fields = derChildren(der, tbs);
    let i = fields[0].tag === DerTag.INTEGER ? 1 : 0; // optional version
    i += 1; // signature algorithm (repeated inside the signed part)
    const issuer = fields[i++];
    const thisUpdate = decodeTime(der, fields[i++]);
    const maybeNext = fields[i];
    const nextUpdate = maybeNext && (maybeNext.tag === DerTag.UTC_TIME || maybeNext.tag === DerTag.GENERALIZED_TIME)
      ? decodeTime(der, fields[i++]) : undefined;
    const revoked = new Map<string, Date>();
    const list = fields[i];
    if (list && list.tag === DerTag.SEQUENCE) {
      for (const entry of derChildren(der, list)) {
        const [serial, date] = derChildren(der, entry);
        revoked.set(serialHex(derContent(der, serial)), decodeTime(der, date));
      }
    } else if (list && list.tag !== contextTag(0)) {
      throw new Error('unexpected element in TBSCertList');
    }
    return {
      issuerDer: Buffer.from(derBytes(der, issuer)),
      thisUpdate,
      nextUpdate,
      revoked,
      tbsDer: Buffer.from(derBytes(der, tbs)),
      signatureAlgorithm: decodeOid(derContent(der, derChildren(der, algorithm)[0])),
      signature: Buffer.from(derContent(der, signature).subarray(1)), // drop the unused-bits octet
    };
  } catch (error) {
    if (error instanceof SigningError && error.code === 'CRL_INVALID') throw error;
    throw new SigningError('CRL_INVALID', `Cannot read the CRL: ${(error as Error).message}`, { cause: error });
  }
}

/** A CRL counts only if its issuer signed it. */
export function crlIssuedBy(crl: ParsedCrl, issuer: ParsedCertificate): boolean {
  return crl.issuerDer.equals(issuer.subjectDer) &&
    verifySignatureValue(crl.signatureAlgorithm, '', crl.tbsDer, issuer.x509.publicKey, crl.signature);
}
