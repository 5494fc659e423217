import { buildOrganisationAppearance } from '../appearance/organisation-appearance';
import { CertificateInput, certificateDer, parseCertificate } from '../certificates/certificate-parser';
import { SigningCredentials } from '../certificates/signing-credentials';
import { listPages, pageBox } from '../pdf/page-tree';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput, UpdatedPdf } from '../pdf/updated-pdf';
import { POINTS_PER_MM } from '../appearance/png-metadata';
import { PDFDict } from 'pdf-lib';
import { signPreparedRevision } from './cms-signer';
import { deferredFrom, PreparedDeferredSignature } from './deferred-signature';
import { checkSignerCertificate } from './leader-signature';
import { OrganisationAppearanceOptions, prepareOrganisationRevision } from './organisation-signature';
import { sealSizeInPoints } from './seal-placement';
import { FIELD_NAMES } from './signature-options';
import { DEFAULT_RESERVED_BYTES, PreparedSignature, prepareSignatureRevision } from './signature-revision';

/** The certificate of a seal key the server does not hold: the clerk's token or a CA's e-seal. */
export interface SealCertificate {
  certificate: CertificateInput;
  chain?: CertificateInput[];
}

/** The seal over the digitised copy of a paper original: no leader field to sit on, so page 1's top right corner. */
export type DigitisedCopySealOptions = Omit<OrganisationAppearanceOptions, 'leaderFieldName' | 'placement'> & {
  /** Distance from the page's top and right edges; default 10 mm. */
  marginMm?: number;
};

/**
 * Signature 2 made by a key elsewhere (issue saga): the seal's revision over the numbered, signed
 * document, and the signed attributes the token or the e-seal service signs. Completed by
 * `completeDeferredSignature` exactly like a leader's deferred signature.
 */
export async function prepareDeferredSeal(pdf: PdfInput, options: OrganisationAppearanceOptions & SealCertificate): Promise<PreparedDeferredSignature> {
  const signingTime = options.signingTime ?? new Date();
  const { signer, chain } = checked(options, signingTime);
  return deferredFrom(await prepareOrganisationRevision(pdf, options, signingTime), signer, chain, signingTime);
}

/** Bản số hóa (ND 30 §9): the scan of a paper original sealed by the agency with a stored key. */
export async function applyDigitisedCopySeal(pdf: PdfInput, options: DigitisedCopySealOptions & { credentials: SigningCredentials }): Promise<UpdatedPdf> {
  const signingTime = options.signingTime ?? new Date();
  checkSignerCertificate(options.credentials.certificate, options.credentials.chain, options, signingTime);
  return signPreparedRevision(await prepareDigitisedCopyRevision(pdf, options, signingTime), options.credentials);
}

/** The same seal on a digitised copy, made by a key elsewhere. */
export async function prepareDeferredDigitisedCopySeal(pdf: PdfInput, options: DigitisedCopySealOptions & SealCertificate): Promise<PreparedDeferredSignature> {
  const signingTime = options.signingTime ?? new Date();
  const { signer, chain } = checked(options, signingTime);
  return deferredFrom(await prepareDigitisedCopyRevision(pdf, options, signingTime), signer, chain, signingTime);
}

function checked(options: OrganisationAppearanceOptions & SealCertificate, at: Date) {
  const signer = parseCertificate(options.certificate);
  const chain = (options.chain ?? []).map((c) => certificateDer(c));
  checkSignerCertificate(signer.der, chain, options, at);
  return { signer, chain };
}

function prepareDigitisedCopyRevision(pdf: PdfInput, options: DigitisedCopySealOptions, signingTime: Date): Promise<PreparedSignature> {
  const structure = PdfStructure.read(pdf);
  const sealSize = sealSizeInPoints(options.sealImage, options.sealDiameterMm);
  const margin = (options.marginMm ?? 10) * POINTS_PER_MM;
  return prepareSignatureRevision(structure, {
    fieldName: options.fieldName ?? FIELD_NAMES.organisationSignature,
    signingTime,
    reservedBytes: options.reservedBytes ?? DEFAULT_RESERVED_BYTES,
    signerName: options.agencyName,
    reason: options.reason ?? 'Sao y bản chính (bản số hóa từ bản giấy)',
    location: options.location,
    appearance: async (context) => {
      const built = await buildOrganisationAppearance(context, { ...options, sealSize, signingTime });
      const catalog = context.lookup(context.trailerInfo.Root) as PDFDict;
      const box = pageBox(context, listPages(context, catalog)[0]);
      const rect = { x: box.x + box.width - margin - built.width, y: box.y + box.height - margin - built.height, width: built.width, height: built.height };
      return { ref: built.ref, placement: { page: 0, rect } };
    },
  });
}
