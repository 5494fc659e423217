// The PDF and PKCS#12 stack (pdf-lib, fontkit, node-forge) takes 0.3–0.7 s to load, and most
// processes start without signing anything: an API answering lists, a worker running OCR. The heavy
// steps are therefore loaded at their first call; their types stay static, so callers see no
// difference. Light modules (certificate parsing and checks, Decree 30 formats, errors) load at once.
import type * as DraftPreparer from './form/draft-preparer';
import type * as NumberDateFiller from './form/number-date-filler';
import type * as LeaderSignature from './signature/leader-signature';
import type * as OrganisationSignature from './signature/organisation-signature';
import type * as AppendixSignature from './signature/appendix-signature';
import type * as DeferredSignature from './signature/deferred-signature';
import type * as DeferredSeal from './signature/deferred-seal';
import type * as UploadedPdfAcceptor from './signature/uploaded-pdf-acceptor';
import type * as PdfSignatureVerifier from './verification/pdf-signature-verifier';
import type * as Pkcs12Importer from './certificates/pkcs12-importer';
import type * as DemoPki from './demo/demo-pki';
import type * as DemoCertificates from './demo/demo-certificates';
import type * as DemoCrl from './demo/demo-crl';
import type * as DemoImages from './demo/demo-images';
import type * as LongTerm from './long-term';

/** A module loaded once, on the first call of one of its functions. */
function onFirstUse<M>(load: () => M): () => M {
  let loaded: M | undefined;
  return () => (loaded ??= load());
}

/** A function with the exported one's exact type that loads its module when first called. */
function deferred<M, K extends keyof M>(module: () => M, name: K): M[K] {
  return ((...args: unknown[]) => (module()[name] as (...a: unknown[]) => unknown)(...args)) as M[K];
}

/* eslint-disable @typescript-eslint/no-require-imports -- deferred loads on purpose */
const draftPreparer = onFirstUse(() => require('./form/draft-preparer') as typeof DraftPreparer);
const numberDateFiller = onFirstUse(() => require('./form/number-date-filler') as typeof NumberDateFiller);
const leaderSignature = onFirstUse(() => require('./signature/leader-signature') as typeof LeaderSignature);
const organisationSignature = onFirstUse(() => require('./signature/organisation-signature') as typeof OrganisationSignature);
const appendixSignature = onFirstUse(() => require('./signature/appendix-signature') as typeof AppendixSignature);
const deferredSignature = onFirstUse(() => require('./signature/deferred-signature') as typeof DeferredSignature);
const deferredSeal = onFirstUse(() => require('./signature/deferred-seal') as typeof DeferredSeal);
const uploadedPdfAcceptor = onFirstUse(() => require('./signature/uploaded-pdf-acceptor') as typeof UploadedPdfAcceptor);
const verifier = onFirstUse(() => require('./verification/pdf-signature-verifier') as typeof PdfSignatureVerifier);
const pkcs12Importer = onFirstUse(() => require('./certificates/pkcs12-importer') as typeof Pkcs12Importer);
const longTerm = onFirstUse(() => require('./long-term') as typeof LongTerm);
const demoPki = onFirstUse(() => require('./demo/demo-pki') as typeof DemoPki);
const demoCertificates = onFirstUse(() => require('./demo/demo-certificates') as typeof DemoCertificates);
const demoCrl = onFirstUse(() => require('./demo/demo-crl') as typeof DemoCrl);
const demoImages = onFirstUse(() => require('./demo/demo-images') as typeof DemoImages);
/* eslint-enable @typescript-eslint/no-require-imports */

export const prepareDraft = deferred(draftPreparer, 'prepareDraft');
export const fillNumberAndDate = deferred(numberDateFiller, 'fillNumberAndDate');
export const applyLeaderSignature = deferred(leaderSignature, 'applyLeaderSignature');
export const applyOrganisationSignature = deferred(organisationSignature, 'applyOrganisationSignature');
export const signAppendix = deferred(appendixSignature, 'signAppendix');
export const prepareDeferredAppendixSeal = deferred(appendixSignature, 'prepareDeferredAppendixSeal');
export const prepareDeferredSignature = deferred(deferredSignature, 'prepareDeferredSignature');
export const completeDeferredSignature = deferred(deferredSignature, 'completeDeferredSignature');
export const prepareDeferredSeal = deferred(deferredSeal, 'prepareDeferredSeal');
export const applyDigitisedCopySeal = deferred(deferredSeal, 'applyDigitisedCopySeal');
export const prepareDeferredDigitisedCopySeal = deferred(deferredSeal, 'prepareDeferredDigitisedCopySeal');
export const acceptUploadedSignedPdf = deferred(uploadedPdfAcceptor, 'acceptUploadedSignedPdf');
export const verifyPdfSignatures = deferred(verifier, 'verifyPdfSignatures');
export const timestampLastSignature = deferred(longTerm, 'timestampLastSignature');
export const addValidationData = deferred(longTerm, 'addValidationData');
export const addDocumentTimestamp = deferred(longTerm, 'addDocumentTimestamp');
export const importPkcs12 = deferred(pkcs12Importer, 'importPkcs12');
export const createDemoPki = deferred(demoPki, 'createDemoPki');
export const createDemoCa = deferred(demoCertificates, 'createDemoCa');
export const issueDemoCertificate = deferred(demoCertificates, 'issueDemoCertificate');
export const exportPkcs12 = deferred(demoCertificates, 'exportPkcs12');
export const createDemoCrl = deferred(demoCrl, 'createDemoCrl');
export const createDemoSealPng = deferred(demoImages, 'createDemoSealPng');
export const createDemoSignaturePng = deferred(demoImages, 'createDemoSignaturePng');
