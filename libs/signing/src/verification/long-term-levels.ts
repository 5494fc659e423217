import { ParsedCertificate } from '../certificates/certificate-parser';
import { crlIssuedBy, parseCrl, ParsedCrl } from '../certificates/crl-parser';
import { DocumentSecurityStore } from '../long-term/embedded-signatures';
import { readOcspResponse } from '../long-term/ocsp-client';

/** PAdES baseline levels (ETSI EN 319 142-1 §6): each includes the ones before it. */
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface LongTermReport {
  level: PadesLevel;
  /**
   * The time the signature is proven to have existed (its own time-stamp, else the earliest
   * document time-stamp after it), ISO 8601 UTC; the certificates are judged at this time.
   */
  provenAt?: string;
  /** Every certificate of the chain below the anchor has a good OCSP answer or a CRL in the DSS. */
  validationDataEmbedded: boolean;
  /** Intact, trusted at `provenAt`, not revoked then, with its validation data in the file (B-LT or more). */
  validLongTerm: boolean;
  problems: string[];
}

export interface DocumentTimestampFact {
  revision: number;
  time: Date;
  intact: boolean;
  /** The revision it covers already held a DSS. */
  coversDss: boolean;
}

/** A certificate and its issuer, for every link of a chain below the trust anchor. */
export type ChainLinks = Array<[ParsedCertificate, ParsedCertificate]>;

export function chainLinks(chain: ParsedCertificate[]): ChainLinks {
  return chain.slice(0, -1).map((certificate, i) => [certificate, chain[i + 1]]);
}

/** Whether revocation data for each link is in the DSS, and the problems it shows at `at`. */
export function revocationFromDss(links: ChainLinks, dss: DocumentSecurityStore, at: Date): { covered: boolean; problems: string[] } {
  const crls = dss.crls.flatMap((der): ParsedCrl[] => {
    try {
      return [parseCrl(der)];
    } catch {
      return [];
    }
  });
  const problems: string[] = [];
  let covered = links.length > 0;
  for (const [certificate, issuer] of links) {
    const answers = dss.ocsps.flatMap((der) => {
      try {
        return [readOcspResponse(der, certificate, issuer)];
      } catch {
        return [];
      }
    });
    const issuerCrls = crls.filter((crl) => crlIssuedBy(crl, issuer));
    if (answers.length === 0 && issuerCrls.length === 0) covered = false;
    const revokedAt = answers.find((a) => a.status === 'revoked')?.revokedAt
      ?? issuerCrls.map((crl) => crl.revoked.get(certificate.serialNumber)).find((d) => d !== undefined);
    if (revokedAt && revokedAt <= at) problems.push(`CERTIFICATE_REVOKED: certificate ${certificate.serialNumber} was revoked on ${revokedAt.toISOString()}`);
  }
  return { covered, problems };
}

export function padesLevel(ownTimestamp: boolean, provenAt: Date | undefined, validationData: boolean, laterTimestamps: DocumentTimestampFact[]): PadesLevel {
  if (!provenAt) return 'B-B';
  if (!ownTimestamp && laterTimestamps.length === 0) return 'B-B';
  if (!validationData) return 'B-T';
  return laterTimestamps.some((t) => t.intact && t.coversDss) ? 'B-LTA' : 'B-LT';
}
