import { SigningError } from '../errors/signing-error';
import { buildLeaderAppearance } from '../appearance/leader-appearance';
import { checkCertificate } from '../certificates/certificate-checker';
import { SigningCredentials } from '../certificates/signing-credentials';
import { PdfInput, pdfBytes, UpdatedPdf } from '../pdf/updated-pdf';
import { signPreparedRevision } from './cms-signer';
import { CommonSignatureOptions, FIELD_NAMES } from './signature-options';
import {
  DEFAULT_RESERVED_BYTES, prepareSignatureRevision, PreparedSignature, SignatureFieldPlacement,
} from './signature-revision';

export interface LeaderAppearanceOptions extends CommonSignatureOptions {
  /** Full name shown under the signature image (and written to the signature's /Name). */
  signerName: string;
  /** Default true; turn off when the template already prints the name under the signature. */
  showSignerName?: boolean;
  /** Blue handwritten signature, transparent PNG. */
  signatureImage: Uint8Array;
  /** Boxes 7a/7b drawn above the image (`KT. GIÁM ĐỐC`, `PHÓ GIÁM ĐỐC`); none by default. */
  titleLines?: string[];
  /** Default `LeaderSignature`, the field `prepareDraft` reserves. */
  fieldName?: string;
  /** Where to create the field if the draft has none. */
  placement?: SignatureFieldPlacement;
}

export interface LeaderSignatureOptions extends LeaderAppearanceOptions {
  credentials: SigningCredentials;
}

/**
 * Signature 1 (người có thẩm quyền ký): a PAdES B-B approval signature in the leader's field,
 * showing the signature image and name, appended as a new revision.
 */
export async function applyLeaderSignature(pdf: PdfInput, options: LeaderSignatureOptions): Promise<UpdatedPdf> {
  const signingTime = options.signingTime ?? new Date();
  checkSignerCertificate(options.credentials.certificate, options.credentials.chain, options, signingTime);
  const prepared = await prepareLeaderRevision(pdf, options, signingTime);
  return signPreparedRevision(prepared, options.credentials);
}

export function checkSignerCertificate(certificate: Buffer, chain: Buffer[], options: CommonSignatureOptions, at: Date): void {
  checkCertificate(certificate, { ...options.trust, intermediates: [...(options.trust.intermediates ?? []), ...chain], at });
}

export function prepareLeaderRevision(pdf: PdfInput, options: LeaderAppearanceOptions, signingTime: Date): Promise<PreparedSignature> {
  return prepareSignatureRevision(pdfBytes(pdf), {
    fieldName: options.fieldName ?? FIELD_NAMES.leaderSignature,
    placement: options.placement,
    signingTime,
    reservedBytes: options.reservedBytes ?? DEFAULT_RESERVED_BYTES,
    signerName: options.signerName,
    reason: options.reason,
    location: options.location,
    appearance: async (context, request) => {
      const size = request.existingSize ?? options.placement?.rect;
      if (!size) throw new SigningError('FIELD_MISSING', `The PDF has no field "${options.fieldName ?? FIELD_NAMES.leaderSignature}" and no placement was given`);
      return { ref: await buildLeaderAppearance(context, size.width, size.height, options) };
    },
  });
}
