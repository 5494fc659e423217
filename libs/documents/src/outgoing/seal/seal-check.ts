import { FIELD_NAMES, TrustOptions, verifyPdfSignatures } from '@eoffice/signing';
import type { SealSagaKind } from './seal-saga.entity';

/**
 * What a sealed PDF must show before its document counts as issued: every signature intact, the
 * last one the agency's, trusted and covering the whole file; an issue carries exactly the leader's
 * signature and the seal. Empty when all holds.
 */
export function sealProblems(pdf: Buffer, kind: SealSagaKind, trust: TrustOptions): string[] {
  const report = verifyPdfSignatures(pdf, trust);
  const seal = report.signatures[report.signatures.length - 1];
  return [
    kind === 'issue' && report.signatures.length !== 2 && `${report.signatures.length} signatures instead of 2`,
    !seal && 'no signature',
    report.signatures.some((s) => !s.intact) && 'a signature does not match the bytes',
    seal && seal.fieldName !== FIELD_NAMES.organisationSignature && 'the last signature is not the seal',
    seal && !seal.certificateTrusted && 'the seal certificate is not trusted',
    report.modifiedAfterLastSignature && 'the file changed after the seal',
  ].filter((p): p is string => typeof p === 'string');
}

/**
 * What a sealed appendix must show before its document counts as issued: every signature intact,
 * the last one the agency's appendix seal, trusted and covering the whole file. Empty when all holds.
 */
export function appendixSealProblems(pdf: Buffer, trust: TrustOptions): string[] {
  const report = verifyPdfSignatures(pdf, trust);
  const seal = report.signatures[report.signatures.length - 1];
  return [
    !seal && 'no signature',
    report.signatures.some((s) => !s.intact) && 'a signature does not match the bytes',
    seal && seal.fieldName !== FIELD_NAMES.appendixSignature && 'the last signature is not the appendix seal',
    seal && !seal.certificateTrusted && 'the seal certificate is not trusted',
    report.modifiedAfterLastSignature && 'the file changed after the seal',
  ].filter((p): p is string => typeof p === 'string');
}
