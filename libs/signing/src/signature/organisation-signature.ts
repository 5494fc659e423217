import { PDFDict } from 'pdf-lib';
import { buildOrganisationAppearance } from '../appearance/organisation-appearance';
import { addVerificationFooter, VerificationLink } from '../appearance/verification-footer';
import { SigningCredentials } from '../certificates/signing-credentials';
import { SigningError } from '../errors/signing-error';
import { findField } from '../form/acroform';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput, UpdatedPdf } from '../pdf/updated-pdf';
import { verifyPdfStructure } from '../verification/pdf-signature-verifier';
import { ALLOWED_CHANGES } from '../verification/revision-diff';
import { signPreparedRevision } from './cms-signer';
import { ByteRangeDigester } from './byte-range-digester';
import { checkSignerCertificate } from './leader-signature';
import { locateLeaderImage, sealRect, sealSizeInPoints } from './seal-placement';
import { CommonSignatureOptions, FIELD_NAMES } from './signature-options';
import { DEFAULT_RESERVED_BYTES, prepareSignatureRevision, PreparedSignature, SignatureFieldPlacement } from './signature-revision';

export interface OrganisationSignatureOptions extends OrganisationAppearanceOptions {
  /** The agency (organisation) certificate and key, kept by the clerk (văn thư). */
  credentials: SigningCredentials;
}

/** Everything but the key: what a seal made elsewhere (the clerk's token, a remote e-seal) is prepared with. */
export interface OrganisationAppearanceOptions extends CommonSignatureOptions {
  agencyName: string;
  /** Red round seal, transparent PNG. */
  sealImage: Uint8Array;
  /** Real seal diameter; default: the physical size recorded in the PNG. */
  sealDiameterMm?: number;
  leaderFieldName?: string;
  fieldName?: string;
  /** Overrides the computed position over the leader's signature. */
  placement?: SignatureFieldPlacement;
  /** Prints the public verification link and its QR code as a footer, inside the seal's revision. */
  verificationLink?: VerificationLink;
}

/**
 * Signature 2 (chữ ký số của cơ quan): only on a document the leader has validly signed
 * (ND 30 Art. 32.2.c) and changed since only by allowed changes; the seal is painted on top
 * of the left third of the leader's signature image.
 */
export async function applyOrganisationSignature(pdf: PdfInput, options: OrganisationSignatureOptions): Promise<UpdatedPdf> {
  const signingTime = options.signingTime ?? new Date();
  checkSignerCertificate(options.credentials.certificate, options.credentials.chain, options, signingTime);
  return signPreparedRevision(await prepareOrganisationRevision(pdf, options, signingTime), options.credentials);
}

/** The seal's revision with its placeholder, over a validly signed document; the caller checked the certificate. */
export async function prepareOrganisationRevision(pdf: PdfInput, options: OrganisationAppearanceOptions, signingTime: Date): Promise<PreparedSignature> {
  const leaderFieldName = options.leaderFieldName ?? FIELD_NAMES.leaderSignature;
  // Checking the leader's signature hashes the file; the new signature's digest goes on from there.
  // The numbered draft (an earlier step's result) is read and hashed in its pieces, never joined.
  const structure = PdfStructure.read(pdf);
  const digester = new ByteRangeDigester(structure.source.parts);
  assertLeaderSigned(structure, digester, leaderFieldName, options);
  const sealSize = sealSizeInPoints(options.sealImage, options.sealDiameterMm);
  return prepareSignatureRevision(structure, {
    fieldName: options.fieldName ?? FIELD_NAMES.organisationSignature,
    signingTime,
    reservedBytes: options.reservedBytes ?? DEFAULT_RESERVED_BYTES,
    signerName: options.agencyName,
    reason: options.reason,
    location: options.location,
    decorate: options.verificationLink ? (update) => addVerificationFooter(update, options.verificationLink as VerificationLink, options.fonts) : undefined,
    appearance: async (context) => {
      const built = await buildOrganisationAppearance(context, { ...options, sealSize, signingTime });
      const catalog = context.lookup(context.trailerInfo.Root) as PDFDict;
      const leader = findField(context, catalog, leaderFieldName);
      if (!leader) throw new SigningError('LEADER_SIGNATURE_MISSING', `No field "${leaderFieldName}"`);
      const located = locateLeaderImage(context, catalog, leader);
      const seal = sealRect(located.image, sealSize);
      const band = built.height - sealSize;
      const placement = options.placement ?? { page: located.page, rect: { x: seal.x, y: seal.y - band, width: built.width, height: built.height } };
      return { ref: built.ref, placement };
    },
  }, digester);
}

function assertLeaderSigned(structure: PdfStructure, digester: ByteRangeDigester, leaderFieldName: string, options: OrganisationAppearanceOptions): void {
  const report = verifyPdfStructure(structure, options.trust, digester, 'afterFirstSignature');
  const leader = report.signatures.find((s) => s.fieldName === leaderFieldName);
  if (!leader) throw new SigningError('LEADER_SIGNATURE_MISSING', 'The document has no leader signature yet; the agency may only sign after the competent person');
  if (!leader.intact) throw new SigningError('SIGNATURE_INVALID', `The leader signature does not verify: ${leader.problems.join('; ')}`);
  if (!leader.certificateTrusted) throw new SigningError('CERTIFICATE_UNTRUSTED', `The leader's certificate is not trusted: ${leader.problems.join('; ')}`);
  const disallowed = report.revisions.filter((r) => r.revision > (leader.revision ?? 0) && !r.allowed);
  if (disallowed.length > 0) {
    const described = disallowed.flatMap((r) => r.details).filter((d) => !ALLOWED_CHANGES.has(d.kind)).map((d) => d.description);
    throw new SigningError('DISALLOWED_CHANGES', `The document was changed after the leader signed: ${described.join('; ')}`);
  }
}
