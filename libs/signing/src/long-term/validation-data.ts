import { PDFName, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { assessCertificate, TrustOptions } from '../certificates/certificate-checker';
import { ParsedCertificate } from '../certificates/certificate-parser';
import { PdfUpdate } from '../pdf/pdf-update';
import { PdfInput, UpdatedPdf } from '../pdf/updated-pdf';
import { embeddedSignatures, readDss } from './embedded-signatures';
import { OcspSettings, requestOcsp } from './ocsp-client';

export interface ValidationDataOptions {
  trust: TrustOptions;
  ocsp?: OcspSettings;
  /** CRLs to embed (DER), e.g. the ones the agency downloads for its trust anchors. */
  crls?: Buffer[];
  /** Throw OCSP_UNAVAILABLE/OCSP_FAILED instead of writing a DSS without revocation data. */
  revocationRequired?: boolean;
}

export interface ValidationDataResult {
  pdf: UpdatedPdf;
  /** Certificates with an OCSP answer in the DSS (serial numbers). */
  checked: string[];
  /** Why some certificate has no revocation data (responder down, no responder known…). */
  warnings: string[];
}

/**
 * PAdES B-LT (ETSI EN 319 142-1 §5.4): a further incremental revision whose catalog /DSS holds
 * every certificate of every signature and time-stamp, with an OCSP answer for each certificate
 * below a trust anchor, so that the signatures can still be validated when the CA's services are
 * gone. An existing DSS is kept and extended (the B-LTA refresh adds to it).
 */
export async function addValidationData(pdf: PdfInput, options: ValidationDataOptions): Promise<ValidationDataResult> {
  // An earlier step's result is read in its pieces: the sealed file is neither joined nor copied.
  const update = PdfUpdate.open(pdf);
  const existing = readDss(update.context, update.catalog);
  const signatures = embeddedSignatures(update.context, update.catalog);
  const pool = signatures.flatMap((s) => s.certificates);
  const chains = pool.map((certificate) => assessCertificate(certificate, pool, { ...options.trust, at: certificate.notBefore }).chain).filter((c) => c.length > 0);
  const certificates = unique([...pool, ...chains.flat()]);
  const pairs = uniquePairs(chains.flatMap((chain) => chain.slice(0, -1).map((c, i) => [c, chain[i + 1]] as const)));
  const warnings: string[] = [];
  const ocsps: Buffer[] = [];
  const checked: string[] = [];
  // One round trip for all: the responders are asked at once.
  const answers = await Promise.allSettled(pairs.map(([certificate, issuer]) => requestOcsp(options.ocsp ?? {}, certificate, issuer)));
  answers.forEach((answer, i) => {
    const certificate = pairs[i][0];
    if (answer.status === 'fulfilled' && answer.value.status === 'revoked') {
      throw new SigningError('CERTIFICATE_REVOKED', `Certificate ${certificate.serialNumber} is revoked since ${answer.value.revokedAt?.toISOString()}`);
    }
    if (answer.status === 'fulfilled') {
      ocsps.push(answer.value.der);
      certificates.push(...answer.value.certificates);
      checked.push(certificate.serialNumber);
      return;
    }
    const error: unknown = answer.reason;
    if (!(error instanceof SigningError) || options.revocationRequired) throw error;
    warnings.push(`${certificate.serialNumber}: ${error.message}`);
  });
  const dss = update.context.obj({
    Certs: streamsOf(update, [...existing.certificates, ...unique(certificates).map((c) => c.der)]),
    OCSPs: streamsOf(update, [...existing.ocsps, ...ocsps]),
    CRLs: streamsOf(update, [...existing.crls, ...(options.crls ?? [])]),
  });
  update.catalog.set(PDFName.of('DSS'), update.register(dss));
  update.markModified(update.catalogRef);
  return { pdf: update.writeFile(), checked, warnings };
}

/** One stream per distinct item, first occurrence kept; a handful of items, so compared directly. */
function streamsOf(update: PdfUpdate, items: Buffer[]): PDFRef[] {
  const kept: Buffer[] = [];
  for (const item of items) {
    if (!kept.some((other) => other.equals(item))) kept.push(item);
  }
  return kept.map((item) => update.register(update.context.flateStream(item)));
}

function unique(certificates: ParsedCertificate[]): ParsedCertificate[] {
  return [...new Map(certificates.map((c) => [c.sha256.toString('hex'), c])).values()];
}

function uniquePairs(pairs: Array<readonly [ParsedCertificate, ParsedCertificate]>): Array<readonly [ParsedCertificate, ParsedCertificate]> {
  return [...new Map(pairs.map((p) => [p[0].sha256.toString('hex'), p])).values()];
}

