import { TrustOptions } from '../certificates/certificate-checker';
import { FontFiles } from '../appearance/font-files';

/** Default field names; the draft reserves the first three, the others are created when signing. */
export const FIELD_NAMES = {
  leaderSignature: 'LeaderSignature',
  organisationSignature: 'OrganisationSignature',
  appendixSignature: 'AppendixSignature',
  documentNumber: 'DocumentNumber',
  issueDateLine: 'IssueDateLine',
} as const;

export interface CommonSignatureOptions {
  /** The signer certificate is checked against these at signing time. */
  trust: TrustOptions;
  /** Claimed signing time written to /M; default now. */
  signingTime?: Date;
  reason?: string;
  location?: string;
  /** Bytes reserved for the CMS (default 16 384). */
  reservedBytes?: number;
  /** Font files replacing the bundled DejaVu Serif (e.g. the agency's Times New Roman). */
  fonts?: Partial<FontFiles>;
}
