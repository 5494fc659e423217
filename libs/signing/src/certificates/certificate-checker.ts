import { SigningError, SigningErrorCode } from '../errors/signing-error';
import { CertificateInput, parseCertificate, ParsedCertificate } from './certificate-parser';
import { crlIssuedBy, parseCrl, ParsedCrl } from './crl-parser';

export interface TrustOptions {
  /** Root (or pinned) CA certificates the agency trusts, e.g. the national root CA of Vietnam. */
  trustAnchors: CertificateInput[];
  /** Extra intermediate CA certificates for chain building. */
  intermediates?: CertificateInput[];
  /** CRLs obtained offline; a certificate listed in a CRL signed by its issuer is revoked. */
  crls?: Array<Uint8Array | string>;
}

export interface CertificateCheckOptions extends TrustOptions {
  /** When the certificate must be valid; default now. */
  at?: Date;
}

export interface CertificateProblem {
  code: SigningErrorCode;
  message: string;
}

export interface CertificateAssessment {
  certificate: ParsedCertificate;
  /** Signer first, trust anchor last; empty when no chain to an anchor was found. */
  chain: ParsedCertificate[];
  problems: CertificateProblem[];
}

const MAX_CHAIN_LENGTH = 8;

/**
 * Checks a signer certificate at signing time and throws the first problem as a SigningError
 * (CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, CERTIFICATE_KEY_USAGE, CERTIFICATE_UNTRUSTED,
 * CERTIFICATE_REVOKED). Returns the chain up to the trust anchor.
 */
export function checkCertificate(certificate: CertificateInput, options: CertificateCheckOptions): CertificateAssessment {
  const assessment = assessCertificate(certificate, [], options);
  const [first] = assessment.problems;
  if (first) throw new SigningError(first.code, first.message);
  return assessment;
}

/** The non-throwing form, used by verification, where problems are reported rather than raised. */
export function assessCertificate(
  certificate: CertificateInput | ParsedCertificate,
  pool: ParsedCertificate[],
  options: CertificateCheckOptions,
): CertificateAssessment {
  const leaf = isParsed(certificate) ? certificate : parseCertificate(certificate);
  const at = options.at ?? new Date();
  const problems: CertificateProblem[] = [];
  problems.push(...validityProblems(leaf, at, 'The signer certificate'));
  if (leaf.keyUsage && !leaf.keyUsage.has('digitalSignature') && !leaf.keyUsage.has('nonRepudiation')) {
    problems.push({ code: 'CERTIFICATE_KEY_USAGE', message: 'The certificate key usage allows neither digitalSignature nor nonRepudiation' });
  }
  const anchors = options.trustAnchors.map(parseCertificate);
  const candidates = [...pool, ...(options.intermediates ?? []).map(parseCertificate)];
  const chain = buildChain(leaf, candidates, anchors);
  if (!chain) {
    problems.push({ code: 'CERTIFICATE_UNTRUSTED', message: `The certificate does not chain to a trusted CA (issuer: ${leaf.x509.issuer.replace(/\n/g, ', ')})` });
    return { certificate: leaf, chain: [], problems };
  }
  chain.slice(1).forEach((ca) => problems.push(...validityProblems(ca, at, 'An issuing CA certificate')));
  problems.push(...revocationProblems(chain, (options.crls ?? []).map((crl) => parseCrl(crl)), at));
  return { certificate: leaf, chain, problems };
}

function isParsed(certificate: CertificateInput | ParsedCertificate): certificate is ParsedCertificate {
  return typeof certificate === 'object' && !(certificate instanceof Uint8Array) && 'x509' in certificate;
}

function validityProblems(certificate: ParsedCertificate, at: Date, who: string): CertificateProblem[] {
  if (at < certificate.notBefore) {
    return [{ code: 'CERTIFICATE_NOT_YET_VALID', message: `${who} is not valid before ${certificate.notBefore.toISOString()}` }];
  }
  if (at > certificate.notAfter) {
    return [{ code: 'CERTIFICATE_EXPIRED', message: `${who} expired on ${certificate.notAfter.toISOString()}` }];
  }
  return [];
}

function issuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  return child.issuerDer.equals(issuer.subjectDer) && child.x509.verify(issuer.x509.publicKey);
}

function buildChain(leaf: ParsedCertificate, candidates: ParsedCertificate[], anchors: ParsedCertificate[]): ParsedCertificate[] | undefined {
  const chain = [leaf];
  let current = leaf;
  while (chain.length <= MAX_CHAIN_LENGTH) {
    if (anchors.some((anchor) => anchor.der.equals(current.der))) return chain;
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) return [...chain, anchor];
    const next = candidates.find((c) => c.isCertificateAuthority && !chain.includes(c) && issuedBy(current, c));
    if (!next) return undefined;
    chain.push(next);
    current = next;
  }
  return undefined;
}

function revocationProblems(chain: ParsedCertificate[], crls: ParsedCrl[], at: Date): CertificateProblem[] {
  for (let i = 0; i < chain.length - 1; i += 1) {
    const [certificate, issuer] = [chain[i], chain[i + 1]];
    for (const crl of crls.filter((c) => crlIssuedBy(c, issuer))) {
      const revokedAt = crl.revoked.get(certificate.serialNumber);
      if (revokedAt && revokedAt <= at) {
        const who = i === 0 ? 'The signer certificate' : 'An issuing CA certificate';
        return [{ code: 'CERTIFICATE_REVOKED', message: `${who} (serial ${certificate.serialNumber}) was revoked on ${revokedAt.toISOString()}` }];
      }
    }
  }
  return [];
}
