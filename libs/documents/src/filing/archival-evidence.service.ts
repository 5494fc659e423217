import { Injectable } from '@nestjs/common';
import { FileService } from '@eoffice/core';
import { isSigningError, verifyPdfSignatures, VerificationReport } from '@eoffice/signing';
import { SigningCertificateService } from '../certificates';
import { DocumentView, DocumentViewRepository, ViewedKind } from '../views';

/** What the archive keeps beside a document's PDF: the check of its signatures when it was handed over. */
export interface SignatureEvidence {
  checkedAt: string;
  fileId: string;
  /** null when the PDF could not be read as signed or unsigned (`error` says why). */
  report: VerificationReport | null;
  error: { code: string; message: string } | null;
}

/**
 * For the hand-over to the archive (records, nộp lưu): the signature verification report of a
 * stored PDF against the installation's trust anchors and CRLs, the same check as
 * `GET /outgoing/:id/signatures`, and the documents' access history (who viewed, downloaded or
 * exported them, when, from where: Decree 30 wants the view history kept with the record).
 * Records cannot reach libs/signing or the view log themselves (layout rules).
 */
@Injectable()
export class ArchivalEvidence {
  constructor(
    private readonly files: FileService,
    private readonly keyring: SigningCertificateService,
    private readonly views: DocumentViewRepository,
  ) {}

  /** Every recorded view of these documents, oldest first, by document id. */
  accessHistories(kind: ViewedKind, documentIds: string[]): Promise<Map<string, DocumentView[]>> {
    return this.views.historiesOf(kind, documentIds);
  }

  async signatures(fileId: string, at = new Date()): Promise<SignatureEvidence> {
    return this.signaturesOf(fileId, await this.files.readBytes(fileId), at);
  }

  /** The same check on bytes the caller already holds (the archive copies them out once). */
  async signaturesOf(fileId: string, bytes: Buffer, at = new Date()): Promise<SignatureEvidence> {
    if (plainlyUnsigned(bytes)) return { checkedAt: at.toISOString(), fileId, report: unsignedReport(), error: null };
    const trust = await this.keyring.trustOptions();
    try {
      return { checkedAt: at.toISOString(), fileId, report: verifyPdfSignatures(bytes, trust), error: null };
    } catch (error) {
      if (!isSigningError(error)) throw error;
      return { checkedAt: at.toISOString(), fileId, report: null, error: { code: error.code, message: error.message } };
    }
  }
}

/** What the verifier reports for a PDF of one revision with no signature (nothing to check, nothing changed). */
export const unsignedReport = (): VerificationReport => ({ signatures: [], revisions: [], modifiedAfterLastSignature: false, onlyAllowedChangesAfterFirstSignature: true });

/**
 * A PDF the full check would report as above, known without parsing its objects (parsing was
 * most of a hand-over's per-document cost on scans): no `/ByteRange` anywhere — a signature that
 * can verify has its byte range and `/Contents` as plain bytes in the file, since the range must
 * leave those bytes out — no `/Encrypt` (an encrypted PDF is reported as such by the full check)
 * and one `startxref` (one revision: later revisions are classified by the full check).
 */
export function plainlyUnsigned(bytes: Buffer): boolean {
  if (bytes.indexOf('/ByteRange') >= 0 || bytes.indexOf('/Encrypt') >= 0) return false;
  const first = bytes.indexOf('startxref');
  return first >= 0 && bytes.indexOf('startxref', first + 9) < 0;
}
