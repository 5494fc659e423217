import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { CertificateSummary, summariseCertificate } from '../certificates/certificate-parser';
import { assessCertificate, TrustOptions } from '../certificates/certificate-checker';
import { parseSignedData } from '../crypto/cms-parser';
import { verifyDetachedCms } from '../crypto/cms-verifier';
import { commonNameOf } from '../crypto/x509-name';
import { parsePdfDate } from '../decree30/vietnam-time';
import { FormField, listFields, textOf } from '../form/acroform';
import { PdfObjectLoader } from '../pdf/pdf-object-loader';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput, pdfBytes } from '../pdf/updated-pdf';
import { ByteRangeDigester } from '../signature/byte-range-digester';
import { ByteRange } from '../signature/signature-placeholder';
import { ALLOWED_CHANGES, ChangeDetail, ChangeKind, classifyChanges, objectsByNumber, RevisionSnapshot } from './revision-diff';
import { indexObjectRoles } from './object-roles';

export interface SignatureReport {
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
  const structure = PdfStructure.read(pdfBytes(pdf));
  return verifyPdfStructure(structure, options, new ByteRangeDigester(structure.bytes));
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
  const reports = new Map<FormField, SignatureReport>();
  [...signed].sort((a, b) => signedPrefixEnd(a) - signedPrefixEnd(b))
    .forEach((field) => reports.set(field, verifySignatureField(structure, field, options, digester)));
  const signatures = signed.map((field) => reports.get(field) as SignatureReport);
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
    modifiedAfterLastSignature: signatures.length > 0 && Math.max(...signedEnds) < structure.bytes.length,
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

function verifySignatureField(structure: PdfStructure, field: FormField, options: VerificationOptions, digester: ByteRangeDigester): SignatureReport {
  const value = field.dict.lookup(PDFName.of('V')) as PDFDict;
  const subFilter = value.lookup(PDFName.of('SubFilter'));
  const signedAt = parseTime(value.lookup(PDFName.of('M')));
  const report: SignatureReport = {
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
    return report;
  }
  report.byteRange = byteRange;
  report.coversWholeDocument = byteRange[2] + byteRange[3] === structure.bytes.length;
  report.revision = structure.revisionEndingAt(byteRange[2] + byteRange[3])?.number;
  if (report.revision === undefined) report.problems.push('the signed byte range does not end at a revision boundary');
  const signatureValue = stringBytes(contents);
  const gapProblem = checkGap(structure.bytes, byteRange, signatureValue);
  if (gapProblem) report.problems.push(gapProblem);
  if (report.subFilter !== 'ETSI.CAdES.detached' && report.subFilter !== 'adbe.pkcs7.detached') {
    report.problems.push(`unsupported /SubFilter ${report.subFilter ?? '(none)'}`);
    return report;
  }
  try {
    const cms = parseSignedData(signatureValue);
    const check = verifyDetachedCms(cms, (algorithm) => digester.digestByteRange(algorithm, byteRange));
    report.problems.push(...check.problems);
    report.intact = check.intact && !gapProblem && report.revision !== undefined;
    if (check.signer) {
      report.signerCertificate = summariseCertificate(check.signer);
      report.signerName = commonNameOf(check.signer.subject) ?? report.signerName;
      const trust = assessCertificate(check.signer, check.certificates, {
        trustAnchors: options.trustAnchors ?? [],
        intermediates: options.intermediates,
        crls: options.crls,
        at: signedAt ?? new Date(),
      });
      report.certificateTrusted = trust.problems.length === 0;
      report.problems.push(...trust.problems.map((p) => `${p.code}: ${p.message}`));
    }
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    report.problems.push(error.message);
  }
  return report;
}

function readByteRange(value: PDFDict): ByteRange | undefined {
  const array = value.lookup(PDFName.of('ByteRange'));
  if (!(array instanceof PDFArray) || array.size() !== 4) return undefined;
  const numbers = array.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  return numbers.every(Number.isInteger) ? (numbers as ByteRange) : undefined;
}

/** The unsigned gap must be exactly the /Contents hex string, or bytes could hide there. */
function checkGap(bytes: Buffer, [start, firstLength, second, secondLength]: ByteRange, contents: Buffer): string | undefined {
  if (start !== 0 || firstLength <= 0 || second <= firstLength || second + secondLength > bytes.length) {
    return 'the /ByteRange does not start at 0 or lies outside the file';
  }
  const gap = bytes.toString('latin1', firstLength, second);
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
