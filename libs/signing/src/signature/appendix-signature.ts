import { PDFDict } from 'pdf-lib';
import { buildAppendixAppearance } from '../appearance/appendix-appearance';
import { POINTS_PER_MM } from '../appearance/png-metadata';
import { CertificateInput, certificateDer, parseCertificate } from '../certificates/certificate-parser';
import { SigningCredentials } from '../certificates/signing-credentials';
import { formatVietnamIso } from '../decree30/vietnam-time';
import { listPages, pageBox } from '../pdf/page-tree';
import { PdfInput, pdfBytes, UpdatedPdf } from '../pdf/updated-pdf';
import { signPreparedRevision } from './cms-signer';
import { deferredFrom, PreparedDeferredSignature } from './deferred-signature';
import { checkSignerCertificate } from './leader-signature';
import { CommonSignatureOptions, FIELD_NAMES } from './signature-options';
import { DEFAULT_RESERVED_BYTES, PreparedSignature, prepareSignatureRevision } from './signature-revision';

export interface AppendixSignatureOptions extends CommonSignatureOptions {
  credentials: SigningCredentials;
  /** Số và ký hiệu of the main document, e.g. `05/QĐ-SGDĐT` (see formatNumberSymbol). */
  documentNumberSymbol: string;
  /** Optional first line, e.g. the agency name. */
  agencyName?: string;
  fieldName?: string;
}

// ND 30 right margin is 15–20 mm; the block sits in the top margin (20–25 mm), above the text.
const RIGHT_MARGIN_MM = 20;
const TOP_OFFSET_MM = 8;

/**
 * Agency signature on an appendix in a separate file: top-right of page 1, no image, text with
 * the document's số/ký hiệu and the signing time in ISO 8601 with +07:00.
 */
export async function signAppendix(pdf: PdfInput, options: AppendixSignatureOptions): Promise<UpdatedPdf> {
  const signingTime = options.signingTime ?? new Date();
  checkSignerCertificate(options.credentials.certificate, options.credentials.chain, options, signingTime);
  return signPreparedRevision(await prepareAppendixRevision(pdf, options, signingTime), options.credentials);
}

/** The same appendix seal made by a key the server does not hold (issue saga: the clerk's token, a remote e-seal). */
export type DeferredAppendixSealOptions = Omit<AppendixSignatureOptions, 'credentials'> & {
  certificate: CertificateInput;
  chain?: CertificateInput[];
};

/**
 * The appendix's seal revision (same block, same place, same field as `signAppendix`) and the
 * signed attributes the token or the e-seal service signs; completed by `completeDeferredSignature`.
 */
export async function prepareDeferredAppendixSeal(pdf: PdfInput, options: DeferredAppendixSealOptions): Promise<PreparedDeferredSignature> {
  const signingTime = options.signingTime ?? new Date();
  const signer = parseCertificate(options.certificate);
  const chain = (options.chain ?? []).map((c) => certificateDer(c));
  checkSignerCertificate(signer.der, chain, options, signingTime);
  return deferredFrom(await prepareAppendixRevision(pdf, options, signingTime), signer, chain, signingTime);
}

function prepareAppendixRevision(pdf: PdfInput, options: Omit<AppendixSignatureOptions, 'credentials'>, signingTime: Date): Promise<PreparedSignature> {
  const lines = [
    ...(options.agencyName ? [options.agencyName] : []),
    `Số: ${options.documentNumberSymbol}`,
    formatVietnamIso(signingTime),
  ];
  return prepareSignatureRevision(pdfBytes(pdf), {
    fieldName: options.fieldName ?? FIELD_NAMES.appendixSignature,
    signingTime,
    reservedBytes: options.reservedBytes ?? DEFAULT_RESERVED_BYTES,
    signerName: options.agencyName,
    reason: options.reason,
    location: options.location,
    appearance: async (context) => {
      const built = await buildAppendixAppearance(context, lines, options.fonts);
      const catalog = context.lookup(context.trailerInfo.Root) as PDFDict;
      const box = pageBox(context, listPages(context, catalog)[0]);
      const x = box.x + box.width - RIGHT_MARGIN_MM * POINTS_PER_MM - built.width;
      const y = box.y + box.height - TOP_OFFSET_MM * POINTS_PER_MM - built.height;
      return { ref: built.ref, placement: { page: 0, rect: { x, y, width: built.width, height: built.height } } };
    },
  });
}
