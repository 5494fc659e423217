import { SigningError } from '../errors/signing-error';
import { TrustOptions } from '../certificates/certificate-checker';
import { startsWithBytes } from '../pdf/pdf-bytes';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput, pdfBytes } from '../pdf/updated-pdf';
import { ChangeKind } from '../verification/revision-diff';
import { verifyPdfSignatures, VerificationReport } from '../verification/pdf-signature-verifier';

export interface UploadedPdfInput {
  /** Exactly the bytes sent to the client plugin. */
  sentPdf: PdfInput;
  /** The signed PDF it uploaded back. */
  uploadedPdf: PdfInput;
  trust: TrustOptions;
  /** Change classes the client's revision(s) may contain; default signature and metadata only. */
  allowedChanges?: ChangeKind[];
  /** When given, the new signature must be in this field (e.g. the draft's LeaderSignature). */
  fieldName?: string;
}

/**
 * Accepts a whole signed PDF from a client-side signing plugin only if it is the sent PDF plus
 * appended revisions (PREFIX_MISMATCH), every signature verifies (SIGNATURE_INVALID), a new
 * trusted signature covers the whole upload, and the new revisions hold only allowed changes
 * (DISALLOWED_CHANGES).
 */
export function acceptUploadedSignedPdf(input: UploadedPdfInput): VerificationReport {
  const [sent, uploaded] = [pdfBytes(input.sentPdf), pdfBytes(input.uploadedPdf)];
  if (uploaded.length <= sent.length || !startsWithBytes(uploaded, sent)) {
    throw new SigningError('PREFIX_MISMATCH', 'The uploaded PDF does not begin with exactly the bytes that were sent for signing');
  }
  const sentRevisions = PdfStructure.read(sent).revisions.length;
  const report = verifyPdfSignatures(uploaded, input.trust);
  const broken = report.signatures.filter((s) => !s.intact);
  if (broken.length > 0) {
    throw new SigningError('SIGNATURE_INVALID', `Signature(s) ${broken.map((s) => s.fieldName).join(', ')} do not verify: ${broken.flatMap((s) => s.problems).join('; ')}`);
  }
  const added = report.signatures.filter((s) => (s.revision ?? 0) > sentRevisions);
  const covering = added.find((s) => s.coversWholeDocument);
  if (!covering) throw new SigningError('SIGNATURE_INVALID', 'The upload carries no new signature covering the whole file');
  if (input.fieldName !== undefined && covering.fieldName !== input.fieldName) {
    throw new SigningError('FIELD_MISSING', `The new signature is in field "${covering.fieldName}", not "${input.fieldName}"`);
  }
  if (!covering.certificateTrusted) {
    throw new SigningError('CERTIFICATE_UNTRUSTED', `The new signature's certificate is not trusted: ${covering.problems.join('; ')}`);
  }
  const allowed = new Set<ChangeKind>(input.allowedChanges ?? ['SIGNATURE', 'METADATA']);
  const offending = report.revisions
    .filter((r) => r.revision > sentRevisions)
    .flatMap((r) => r.details.filter((detail) => !allowed.has(detail.kind)));
  if (offending.length > 0) {
    const described = offending.map((d) => `${d.kind}: ${d.description}`).join('; ');
    throw new SigningError('DISALLOWED_CHANGES', `The uploaded revision changes more than a signature: ${described}`);
  }
  return report;
}
