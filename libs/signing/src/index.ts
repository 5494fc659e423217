// Public API of @eoffice/signing: a pure library (no database, no HTTP, no environment access)
// that takes PDF bytes, keys and certificates and returns PDF bytes and reports.

export { SigningError, isSigningError } from './errors/signing-error';
export type { SigningErrorCode } from './errors/signing-error';

// Decree 30 formatting
export {
  formatIssueDate, formatIssueDateLine, formatNumberLine, formatNumberSymbol, padDocumentNumber,
} from './decree30/decree30-format';
export { formatPdfDate, formatVietnamIso, parsePdfDate, vietnamCalendarDate } from './decree30/vietnam-time';
export type { CalendarDate } from './decree30/vietnam-time';

// Drafts, form filling and signing: every step takes bytes or an earlier step's UpdatedPdf
export { UpdatedPdf } from './pdf/updated-pdf';
export type { PdfInput } from './pdf/updated-pdf';
export { FIELD_NAMES } from './signature/signature-options';
export type { CommonSignatureOptions } from './signature/signature-options';
export { prepareDraft } from './form/draft-preparer';
export type { DraftLayout, TextFieldPlacement } from './form/draft-preparer';
export { fillNumberAndDate } from './form/number-date-filler';
export type { NumberAndDateOptions } from './form/number-date-filler';
export { applyLeaderSignature } from './signature/leader-signature';
export type { LeaderAppearanceOptions, LeaderSignatureOptions } from './signature/leader-signature';
export { applyOrganisationSignature } from './signature/organisation-signature';
export type { OrganisationSignatureOptions } from './signature/organisation-signature';
export { signAppendix } from './signature/appendix-signature';
export type { AppendixSignatureOptions } from './signature/appendix-signature';
export type { SignatureFieldPlacement } from './signature/signature-revision';
export type { Rect } from './pdf/page-tree';
export type { FontFiles } from './appearance/font-files';

// Deferred (remote token) signing and client-signed uploads
export { completeDeferredSignature, prepareDeferredSignature } from './signature/deferred-signature';
export type {
  DeferredSignatureOptions, DeferredSignatureResponse, DeferredSigningState, PreparedDeferredSignature,
} from './signature/deferred-signature';
export { acceptUploadedSignedPdf } from './signature/uploaded-pdf-acceptor';
export type { UploadedPdfInput } from './signature/uploaded-pdf-acceptor';

// Verification
export { verifyPdfSignatures } from './verification/pdf-signature-verifier';
export type {
  RevisionReport, SignatureReport, VerificationOptions, VerificationReport,
} from './verification/pdf-signature-verifier';
export type { ChangeDetail, ChangeKind } from './verification/revision-diff';

// Keys and certificates
export { importPkcs12 } from './certificates/pkcs12-importer';
export type { SigningCredentials } from './certificates/signing-credentials';
export { decryptPrivateKey, encryptPrivateKey } from './certificates/private-key-cipher';
export type { EncryptedPrivateKey } from './certificates/private-key-cipher';
export { checkCertificate } from './certificates/certificate-checker';
export type { CertificateAssessment, CertificateCheckOptions, TrustOptions } from './certificates/certificate-checker';
export { parseCertificate, summariseCertificate, toPem } from './certificates/certificate-parser';
export type { CertificateInput, CertificateSummary } from './certificates/certificate-parser';

// Demo PKI (for the demo seed and tests only)
export { createDemoPki } from './demo/demo-pki';
export type { DemoPki, DemoPkiOptions, DemoPkcs12 } from './demo/demo-pki';
export { createDemoCa, DEMO_MARK, exportPkcs12, issueDemoCertificate } from './demo/demo-certificates';
export type { DemoCertificateRequest, DemoIdentity } from './demo/demo-certificates';
export { createDemoCrl } from './demo/demo-crl';
export { createDemoSealPng, createDemoSignaturePng } from './demo/demo-images';
