// Public API of @eoffice/signing: a pure library (no database, no environment access) that takes
// PDF bytes, keys and certificates and returns PDF bytes and reports. Its only network calls are the
// remote signing clients' (remote/) and the TSA/OCSP requests of long-term/, to the services the
// caller configures and passes in. The PDF steps
// load on first use (lazy-steps.ts), so a process that never signs does not pay for pdf-lib.

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
export { prepareDraft } from './lazy-steps';
export type { DraftLayout, TextFieldPlacement } from './form/draft-preparer';
export { fillNumberAndDate } from './lazy-steps';
export type { NumberAndDateOptions } from './form/number-date-filler';
export { applyLeaderSignature } from './lazy-steps';
export type { LeaderAppearanceOptions, LeaderSignatureOptions } from './signature/leader-signature';
export { applyOrganisationSignature } from './lazy-steps';
export type { OrganisationAppearanceOptions, OrganisationSignatureOptions } from './signature/organisation-signature';
// The seal made by a key the server does not hold (issue saga) and the seal of a paper original's scan
export { applyDigitisedCopySeal, prepareDeferredDigitisedCopySeal, prepareDeferredSeal } from './lazy-steps';
export type { DigitisedCopySealOptions, SealCertificate } from './signature/deferred-seal';
export type { VerificationLink } from './appearance/verification-footer';
export { prepareDeferredAppendixSeal, signAppendix } from './lazy-steps';
export type { AppendixSignatureOptions, DeferredAppendixSealOptions } from './signature/appendix-signature';
export type { SignatureFieldPlacement } from './signature/signature-revision';
export type { Rect } from './pdf/page-tree';
export type { FontFiles } from './appearance/font-files';

// Deferred (remote token) signing and client-signed uploads
export { completeDeferredSignature, prepareDeferredSignature } from './lazy-steps';
export type {
  DeferredSignatureOptions, DeferredSignatureResponse, DeferredSigningState, PreparedDeferredSignature,
} from './signature/deferred-signature';
export { acceptUploadedSignedPdf } from './lazy-steps';
export type { UploadedPdfInput } from './signature/uploaded-pdf-acceptor';

// One port for every way of making signature 1, and the remote signing services' protocols
export { completeRemoteSignature, pluginProvider, remoteProvider, storedKeyProvider, tokenProvider } from './signature/signature-provider';
export type {
  BegunSignature, PluginSigningState, RemoteSigningState, SignatureProvider, SignatureProviderKind,
} from './signature/signature-provider';
export { remoteSigningClient } from './remote/remote-clients';
export type {
  HttpFetch, RemoteBatchRequest, RemoteBatchSigning, RemoteBatchStatus, RemoteBatchTransaction, RemoteCertificate, RemoteProtocol, RemoteProviderSettings, RemoteSigningClient, RemoteSignRequest, RemoteStatus, RemoteTransaction,
} from './remote/remote-signing-client';

// Verification
export { verifyPdfSignatures } from './lazy-steps';
export type {
  RevisionReport, SignatureReport, TimestampReport, VerificationOptions, VerificationReport,
} from './verification/pdf-signature-verifier';
export type { LongTermReport, PadesLevel } from './verification/long-term-levels';

// Long-term validity: B-T in place, B-LT (DSS revision), B-LTA (document time-stamp)
export { addDocumentTimestamp, addValidationData, timestampLastSignature } from './lazy-steps';
export type { ValidationDataOptions, ValidationDataResult } from './long-term/validation-data';
export type { OcspSettings } from './long-term/ocsp-client';
export type { BinaryPost, TimestampAuthoritySettings } from './long-term/tsa-client';
export type { TimestampToken } from './long-term/timestamp-token';
export type { ChangeDetail, ChangeKind } from './verification/revision-diff';

// Keys and certificates
export { importPkcs12 } from './lazy-steps';
export type { SigningCredentials } from './certificates/signing-credentials';
export { decryptPrivateKey, encryptPrivateKey } from './certificates/private-key-cipher';
export type { EncryptedPrivateKey } from './certificates/private-key-cipher';
export { checkCertificate } from './certificates/certificate-checker';
export type { CertificateAssessment, CertificateCheckOptions, TrustOptions } from './certificates/certificate-checker';
export { parseCertificate, summariseCertificate, toPem } from './certificates/certificate-parser';
export type { CertificateInput, CertificateSummary } from './certificates/certificate-parser';

// Demo PKI (for the demo seed and tests only)
export { createDemoPki } from './lazy-steps';
export type { DemoPki, DemoPkiOptions, DemoPkcs12 } from './demo/demo-pki';
export { createDemoCa, exportPkcs12, issueDemoCertificate } from './lazy-steps';
export { DEMO_MARK } from './demo/demo-mark';
export type { DemoCertificateRequest, DemoIdentity } from './demo/demo-certificates';
export { createDemoCrl } from './lazy-steps';
export { createDemoSealPng, createDemoSignaturePng } from './lazy-steps';
// fontkit loaded on first use (it takes ~0.35 s), shared with the PDF reports.
export { loadFontkit } from './appearance/fontkit-loader';
