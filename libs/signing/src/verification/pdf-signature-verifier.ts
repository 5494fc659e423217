import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { createHash } from 'node:crypto';
import { CertificateSummary, parseCertificate, ParsedCertificate, summariseCertificate } from '../certificates/certificate-parser';
import { Oid } from '../crypto/oids';
import { DocumentSecurityStore, readDss } from '../long-term/embedded-signatures';
import { readTimestampToken, TimestampToken } from '../long-term/timestamp-token';
import { chainLinks, DocumentTimestampFact, LongTermReport, revocationFromDss, padesLevel } from './long-term-levels';
import { assessCertificate, TrustOptions } from '../certificates/certificate-checker';
import { parseSignedData } from '../crypto/cms-parser';
import { verifyDetachedCms } from '../crypto/cms-verifier';
import { commonNameOf } from '../crypto/x509-name';
import { parsePdfDate } from '../decree30/vietnam-time';
import { FormField, listFields, textOf } from '../form/acroform';
import { PdfObjectLoader } from '../pdf/pdf-object-loader';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput } from '../pdf/updated-pdf';
import { PdfParts } from '../pdf/pdf-parts';
import { ByteRangeDigester } from '../signature/byte-range-digester';
import { ByteRange } from '../signature/signature-placeholder';
import { ALLOWED_CHANGES, ChangeDetail, ChangeKind, classifyChanges, objectsByNumber, RevisionSnapshot } from './revision-diff';
import { indexObjectRoles } from './object-roles';

export interface TimestampReport {
  /** The TSA's time (genTime), ISO 8601 UTC. */
  time: string;
  /** The token's CMS verifies and stamps this signature's value (or, for a document time-stamp, the byte range). */
  intact: boolean;
  authority?: string;
  problems: string[];
}

export interface SignatureReport {
  /** A signature, or a document time-stamp (/SubFilter /ETSI.RFC3161, PAdES B-LTA). */
  kind: 'signature' | 'documentTimestamp';
  fieldName: string;
  signerName?: string;
  signerCertificate?: CertificateSummary;
  /** Claimed signing time (/M), ISO 8601 UTC. */
  signedAt?: string;
  subFilter?: string;
  /** The CMS verifies and its message digest matches the bytes covered by /ByteRange. */
  intact: boolean;
  coversWholeDocument: boolean;
  /** The signer certificate chains to a given trust anchor, was valid at signedAt and is not revoked by a given CRL. */
  certificateTrusted: boolean;
  /** The revision whose bytes the signature covers (1 = original file). */
  revision?: number;
  byteRange?: ByteRange;
  /** The signature time-stamp (B-T) in the CMS; for a document time-stamp, its own token. */
  timestamp?: TimestampReport;
  /** Long-term validity (signatures only): the PAdES level reached and the time it is judged at. */
  longTerm?: LongTermReport;
  problems: string[];
}

export interface RevisionReport {
  revision: number;
  /** Revision bytes are `pdf[0, endOffset)`. */
  endOffset: number;
  changes: ChangeKind[];
  /** Only form filling, signatures, annotations or metadata changed. */
  allowed: boolean;
  details: ChangeDetail[];
}

export interface VerificationReport {
  signatures: SignatureReport[];
  /** One entry per incremental update (revision 2 onwards). */
  revisions: RevisionReport[];
  /** Bytes were appended after the last signed revision. */
  modifiedAfterLastSignature: boolean;
  /** Every revision after the first signature holds only allowed changes. */
  onlyAllowedChangesAfterFirstSignature: boolean;
}

export type VerificationOptions = Partial<TrustOptions>;

/** Verifies every signature of a PDF and classifies what each later revision changed. */
export function verifyPdfSignatures(pdf: PdfInput, options: VerificationOptions = {}): VerificationReport {
  // A step's result is read and hashed in its pieces, not joined first.
  const structure = PdfStructure.read(pdf);
  return verifyPdfStructure(structure, options, new ByteRangeDigester(structure.source.parts));
}

/**
 * As `verifyPdfSignatures`, for a signing step that goes on hashing the same file with `digester`.
 * `revisions: 'afterFirstSignature'` classifies only the revisions a signature could object to,
 * sparing a step the loading of every earlier revision.
 */
export function verifyPdfStructure(
  structure: PdfStructure,
  options: VerificationOptions,
  digester: ByteRangeDigester,
  revisions: 'all' | 'afterFirstSignature' = 'all',
): VerificationReport {
  structure.assertNotEncrypted();
  const loader = new PdfObjectLoader(structure);
  const snapshots = new Map<number, RevisionSnapshot>();
  const snapshot = (revision: number): RevisionSnapshot => {
    let found = snapshots.get(revision);
    if (!found) {
      const context = loader.loadContext(revision);
      found = { context, objects: objectsByNumber(context), roles: indexObjectRoles(context, structure.root, structure.info) };
      snapshots.set(revision, found);
    }
    return found;
  };
  const latest = snapshot(structure.revisions.length);
  const catalog = latest.context.lookup(structure.root);
  const fields = catalog instanceof PDFDict ? listFields(latest.context, catalog).filter((f) => f.type === 'Sig') : [];
  const signed = fields.filter((field) => field.dict.lookup(PDFName.of('V')) instanceof PDFDict);
  // In the order of their byte ranges, so that the digester reads the file once (reported in field order).
  const reports = new Map<FormField, VerifiedField>();
  const dss = catalog instanceof PDFDict ? readDss(latest.context, catalog) : { certificates: [], ocsps: [], crls: [] };
  const withDss = { ...options, crls: [...(options.crls ?? []), ...dss.crls] };
  [...signed].sort((a, b) => signedPrefixEnd(a) - signedPrefixEnd(b))
    .forEach((field) => reports.set(field, verifySignatureField(structure, field, withDss, digester, dss)));
  const verified = signed.map((field) => reports.get(field) as VerifiedField);
  const hasDss = (revision: number): boolean => {
    const root = snapshot(revision).context.lookup(structure.root);
    return root instanceof PDFDict && root.has(PDFName.of('DSS'));
  };
  assessLongTerm(verified, dss, hasDss);
  const signatures = verified.map((v) => v.report);
  const signedEnds = signatures.map((s) => (s.byteRange ? s.byteRange[2] + s.byteRange[3] : 0));
  const firstSigned = Math.min(...signatures.map((s) => s.revision ?? Infinity));
  const classified = structure.revisions.slice(revisions === 'all' ? 1 : Math.min(firstSigned, structure.revisions.length));
  const revisionReports = classified.map((revision) => {
    const changes = classifyChanges(snapshot(revision.number - 1), snapshot(revision.number), changedEntries(structure, revision.number));
    const kinds = [...changes.kinds];
    return { revision: revision.number, endOffset: revision.endOffset, changes: kinds, allowed: kinds.every((k) => ALLOWED_CHANGES.has(k)), details: changes.details };
  });
  return {
    signatures,
    revisions: revisionReports,
    modifiedAfterLastSignature: signatures.length > 0 && Math.max(...signedEnds) < structure.length,
    onlyAllowedChangesAfterFirstSignature: revisionReports.filter((r) => r.revision > firstSigned).every((r) => r.allowed),
  };
}

function changedEntries(structure: PdfStructure, revision: number): Map<number, boolean> {
  const entries = structure.revisions[revision - 1].entries;
  return new Map([...entries].filter(([number]) => number !== 0).map(([number, entry]) => [number, entry.kind !== 'free']));
}

function signedPrefixEnd(field: FormField): number {
  return readByteRange(field.dict.lookup(PDFName.of('V')) as PDFDict)?.[1] ?? 0;
}

interface VerifiedField {
  report: SignatureReport;
  /** Signer first, trust anchor last (empty when untrusted). */
  chain: ParsedCertificate[];
  revocation?: { covered: boolean; problems: string[] };
}

/** Levels from the signatures' own time-stamps, later document time-stamps and the DSS. */
function assessLongTerm(verified: VerifiedField[], dss: DocumentSecurityStore, hasDss: (revision: number) => boolean): void {
  const documentTimestamps: DocumentTimestampFact[] = verified
    .filter((v) => v.report.kind === 'documentTimestamp' && v.report.revision !== undefined && v.report.timestamp)
    .map((v) => ({
      revision: v.report.revision as number,
      time: new Date(v.report.timestamp?.time as string),
      intact: v.report.intact && v.report.certificateTrusted,
      coversDss: hasDss(v.report.revision as number),
    }));
  for (const { report, chain, revocation } of verified) {
    if (report.kind !== 'signature') continue;
    const later = documentTimestamps.filter((t) => t.intact && t.revision > (report.revision ?? Infinity)).sort((a, b) => a.time.getTime() - b.time.getTime());
    const own = report.timestamp?.intact ? new Date(report.timestamp.time) : undefined;
    const provenAt = own ?? later[0]?.time;
    const covered = chain.length > 0 && !!revocation?.covered;
    const level = padesLevel(!!own, provenAt, covered, later);
    const problems = [...(revocation?.problems ?? [])];
    if (!provenAt) problems.push('no time-stamp proves when the signature was made');
    if (!covered) problems.push('the validation data (certificates and OCSP/CRL answers) is not embedded');
    report.longTerm = {
      level,
      provenAt: provenAt?.toISOString(),
      validationDataEmbedded: covered,
      validLongTerm: report.intact && report.certificateTrusted && (level === 'B-LT' || level === 'B-LTA'),
      problems,
    };
  }
}

function verifySignatureField(
  structure: PdfStructure, field: FormField, options: VerificationOptions, digester: ByteRangeDigester, dss: DocumentSecurityStore,
): VerifiedField {
  const value = field.dict.lookup(PDFName.of('V')) as PDFDict;
  const subFilter = value.lookup(PDFName.of('SubFilter'));
  const claimedAt = parseTime(value.lookup(PDFName.of('M')));
  let signedAt = claimedAt;
  let chain: ParsedCertificate[] = [];
  let revocation: VerifiedField['revocation'];
  const report: SignatureReport = {
    kind: subFilter === PDFName.of('ETSI.RFC3161') ? 'documentTimestamp' : 'signature',
    fieldName: field.name,
    signerName: textOf(value.lookup(PDFName.of('Name'))),
    signedAt: signedAt?.toISOString(),
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined,
    intact: false,
    coversWholeDocument: false,
    certificateTrusted: false,
    problems: [],
  };
  const byteRange = readByteRange(value);
  const contents = value.lookup(PDFName.of('Contents'));
  if (!byteRange || !(contents instanceof PDFHexString || contents instanceof PDFString)) {
    report.problems.push('the signature dictionary has no valid /ByteRange or /Contents');
    return { report, chain };
  }
  report.byteRange = byteRange;
  report.coversWholeDocument = byteRange[2] + byteRange[3] === structure.length;
  report.revision = structure.revisionEndingAt(byteRange[2] + byteRange[3])?.number;
  if (report.revision === undefined) report.problems.push('the signed byte range does not end at a revision boundary');
  const signatureValue = stringBytes(contents);
  const gapProblem = checkGap(structure.source, byteRange, signatureValue);
  if (gapProblem) report.problems.push(gapProblem);
  if (report.subFilter !== 'ETSI.CAdES.detached' && report.subFilter !== 'adbe.pkcs7.detached' && report.kind !== 'documentTimestamp') {
    report.problems.push(`unsupported /SubFilter ${report.subFilter ?? '(none)'}`);
    return { report, chain };
  }
  try {
    let check: { signer?: ParsedCertificate; certificates: ParsedCertificate[]; intact: boolean; problems: string[] };
    if (report.kind === 'documentTimestamp') {
      const token = readTimestampToken(signatureValue, (algorithm) => digester.digestByteRange(algorithm, byteRange));
      check = { signer: token.tsaCertificate, certificates: token.certificates, intact: token.intact, problems: token.problems };
      report.timestamp = timestampReport(token);
      signedAt = token.genTime;
      report.signedAt = token.genTime.toISOString();
    } else {
      const cms = parseSignedData(signatureValue);
      check = verifyDetachedCms(cms, (algorithm) => digester.digestByteRange(algorithm, byteRange));
      const tokenDer = cms.signers[0]?.unsignedAttributes.get(Oid.signatureTimeStampToken)?.[0];
      if (tokenDer) {
        const signatureBytes = cms.signers[0].signature;
        const token = readTimestampToken(tokenDer, (algorithm) => createHash(algorithm).update(signatureBytes).digest());
        report.timestamp = timestampReport(token);
        // Judged when the TSA saw it, not today and not at the claimed /M (ETSI EN 319 102-1 §5.6.2.2).
        if (token.intact) signedAt = token.genTime;
      }
    }
    report.problems.push(...check.problems);
    report.intact = check.intact && !gapProblem && report.revision !== undefined;
    if (check.signer) {
      report.signerCertificate = summariseCertificate(check.signer);
      report.signerName = commonNameOf(check.signer.subject) ?? report.signerName;
      const at = signedAt ?? new Date();
      const trust = assessCertificate(check.signer, [...check.certificates, ...dssCertificates(dss)], {
        trustAnchors: options.trustAnchors ?? [],
        intermediates: options.intermediates,
        crls: options.crls,
        at,
      });
      chain = trust.chain;
      revocation = revocationFromDss(chainLinks(chain), dss, at);
      report.certificateTrusted = trust.problems.length === 0 && revocation.problems.length === 0;
      report.problems.push(...trust.problems.map((p) => `${p.code}: ${p.message}`), ...revocation.problems);
    }
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    report.problems.push(error.message);
  }
  return { report, chain, revocation };
}

function timestampReport(token: TimestampToken): TimestampReport {
  return {
    time: token.genTime.toISOString(),
    intact: token.intact,
    authority: token.tsaCertificate ? commonNameOf(token.tsaCertificate.subject) : undefined,
    problems: token.problems,
  };
}

function dssCertificates(dss: DocumentSecurityStore): ParsedCertificate[] {
  return dss.certificates.flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
}

function readByteRange(value: PDFDict): ByteRange | undefined {
  const array = value.lookup(PDFName.of('ByteRange'));
  if (!(array instanceof PDFArray) || array.size() !== 4) return undefined;
  const numbers = array.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  return numbers.every(Number.isInteger) ? (numbers as ByteRange) : undefined;
}

/** The unsigned gap must be exactly the /Contents hex string, or bytes could hide there. */
function checkGap(source: PdfParts, [start, firstLength, second, secondLength]: ByteRange, contents: Buffer): string | undefined {
  if (start !== 0 || firstLength <= 0 || second <= firstLength || second + secondLength > source.length) {
    return 'the /ByteRange does not start at 0 or lies outside the file';
  }
  const gap = source.slice(firstLength, second).toString('latin1');
  if (!/^<[0-9A-Fa-f\s]*>$/.test(gap)) return 'the unsigned gap is not a single hex string';
  return hexBytes(gap.slice(1, -1)).equals(contents) ? undefined : 'the unsigned gap is not the signature /Contents';
}

/** pdf-lib decodes hex strings in JavaScript, a character at a time; /Contents is 32 KB of hex. */
function stringBytes(value: PDFHexString | PDFString): Buffer {
  if (value instanceof PDFString) return Buffer.from(value.asBytes());
  return hexBytes(value.asString());
}

/** Whitespace is ignored and an odd final digit is followed by 0 (ISO 32000-1 §7.3.4.3). */
function hexBytes(text: string): Buffer {
  const hex = text.replace(/\s+/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function parseTime(value: unknown): Date | undefined {
  const text = textOf(value);
  return text ? parsePdfDate(text) : undefined;
}
