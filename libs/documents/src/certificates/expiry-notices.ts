/** One person told that a certificate ends soon (or has ended), once per threshold (dedupeKey). */
export interface CertificateExpiryNotice {
  userId: string;
  certificateId: string;
  title: string;
  dedupeKey: string;
}

/**
 * Port the certificates area owns: where expiry reminders go. The notifications area implements it
 * (its inbox), so certificates never import notifications — notifications read outgoing documents,
 * and outgoing signs with certificates: the import would close a loop.
 */
export abstract class CertificateExpiryNotices {
  /** Delivers what is new; a notice already given for the same dedupeKey is skipped. Returns how many were new. */
  abstract tell(notices: CertificateExpiryNotice[]): Promise<number>;
}
