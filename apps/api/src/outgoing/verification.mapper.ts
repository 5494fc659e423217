import type { VerificationReport } from '@eoffice/signing';
import type { VerificationReportDto } from './dto/verification.dto';

/** The verifier's report field by field (its own type never goes to the wire as is). */
export function toVerificationReportDto(report: VerificationReport): VerificationReportDto {
  return {
    signatures: report.signatures.map((s) => ({
      kind: s.kind,
      fieldName: s.fieldName,
      signerName: s.signerName,
      signerCertificate: s.signerCertificate && { ...s.signerCertificate },
      signedAt: s.signedAt,
      subFilter: s.subFilter,
      intact: s.intact,
      coversWholeDocument: s.coversWholeDocument,
      certificateTrusted: s.certificateTrusted,
      revision: s.revision,
      byteRange: s.byteRange && [...s.byteRange],
      timestamp: s.timestamp && { ...s.timestamp },
      longTerm: s.longTerm && { ...s.longTerm },
      problems: s.problems,
    })),
    revisions: report.revisions.map((r) => ({
      revision: r.revision,
      endOffset: r.endOffset,
      changes: r.changes,
      allowed: r.allowed,
      details: r.details.map((d) => ({ kind: d.kind, description: d.description })),
    })),
    modifiedAfterLastSignature: report.modifiedAfterLastSignature,
    onlyAllowedChangesAfterFirstSignature: report.onlyAllowedChangesAfterFirstSignature,
  };
}
