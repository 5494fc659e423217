import { isSigningError, VerificationReport } from '@eoffice/signing';

/**
 * Kiểm tra chữ ký khi tiếp nhận (Decree 30 Art. 21: authenticity and integrity of an e-document at
 * receipt), summarised for the clerk. `status`:
 * - `valid`: every signature intact, trusted, and nothing but allowed changes after signing;
 * - `untrusted`: intact, but some signer does not chain to a trust anchor (or was revoked/expired);
 * - `modified`: bytes or disallowed changes after the last signature;
 * - `invalid`: some signature does not verify against the bytes it covers;
 * - `unsigned`: no signature; `unreadable`: not a PDF the verifier can read (broken, encrypted).
 * Never a refusal: the item is flagged and the clerk decides.
 */
export type ReceiptVerificationStatus = 'valid' | 'untrusted' | 'modified' | 'invalid' | 'unsigned' | 'unreadable';

export interface ReceiptSignature {
  fieldName: string;
  signerName: string | null;
  signedAt: string | null;
  intact: boolean;
  trusted: boolean;
  coversWholeDocument: boolean;
  problems: string[];
}

export interface ReceiptVerification {
  checkedAt: string;
  status: ReceiptVerificationStatus;
  signatures: ReceiptSignature[];
  modifiedAfterLastSignature: boolean;
  onlyAllowedChangesAfterFirstSignature: boolean;
  /** Why it could not be read (`unreadable`). */
  error: { code: string; message: string } | null;
}

/** The flag an item gets for a PDF in this state; null when there is nothing to tell. */
export function verificationFlag(status: ReceiptVerificationStatus): string | null {
  return status === 'valid' ? null : `signature_${status}`;
}

/** Runs the check; a PDF the verifier cannot read is a report (`unreadable`), not an error. */
export function verifyAtReceipt(bytes: Buffer, verify: (bytes: Buffer) => VerificationReport, at = new Date()): ReceiptVerification {
  try {
    return summarise(verify(bytes), at);
  } catch (error) {
    if (!isSigningError(error)) {
      const message = error instanceof Error ? error.message : String(error);
      return empty(at, 'unreadable', { code: 'PDF_UNREADABLE', message });
    }
    return empty(at, 'unreadable', { code: error.code, message: error.message });
  }
}

function summarise(report: VerificationReport, at: Date): ReceiptVerification {
  const signatures = report.signatures.map((s) => ({
    fieldName: s.fieldName,
    signerName: s.signerName ?? s.signerCertificate?.commonName ?? null,
    signedAt: s.signedAt ?? null,
    intact: s.intact,
    trusted: s.certificateTrusted,
    coversWholeDocument: s.coversWholeDocument,
    problems: s.problems,
  }));
  const base = {
    checkedAt: at.toISOString(),
    signatures,
    modifiedAfterLastSignature: report.modifiedAfterLastSignature,
    onlyAllowedChangesAfterFirstSignature: report.onlyAllowedChangesAfterFirstSignature,
    error: null,
  };
  return { ...base, status: statusOf(report) };
}

function statusOf(report: VerificationReport): ReceiptVerificationStatus {
  if (report.signatures.length === 0) return 'unsigned';
  if (report.signatures.some((s) => !s.intact)) return 'invalid';
  if (report.modifiedAfterLastSignature || !report.onlyAllowedChangesAfterFirstSignature) return 'modified';
  if (report.signatures.some((s) => !s.certificateTrusted)) return 'untrusted';
  return 'valid';
}

function empty(at: Date, status: ReceiptVerificationStatus, error: ReceiptVerification['error']): ReceiptVerification {
  return {
    checkedAt: at.toISOString(),
    status,
    signatures: [],
    modifiedAfterLastSignature: false,
    onlyAllowedChangesAfterFirstSignature: true,
    error,
  };
}
