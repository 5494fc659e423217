export type SignerChoiceProblem = 'CERTIFICATE_MISSING' | 'CERTIFICATE_EXPIRED' | 'CERTIFICATE_NOT_YET_VALID';

interface Candidate {
  active: boolean;
  notBefore: Date;
  notAfter: Date;
  createdAt: Date;
}

/**
 * Which stored certificate signs when none is named: the newest registered among the active ones
 * valid now. When none is, the answer says why — an expired certificate is more useful to hear
 * about than "none" — so the owner knows to renew rather than to upload for the first time.
 */
export function chooseSigningCertificate<T extends Candidate>(candidates: readonly T[], now: Date): T | SignerChoiceProblem {
  const active = candidates.filter((c) => c.active);
  if (active.length === 0) return 'CERTIFICATE_MISSING';
  const valid = active.filter((c) => c.notBefore <= now && now <= c.notAfter);
  if (valid.length > 0) return [...valid].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return active.some((c) => c.notBefore > now) ? 'CERTIFICATE_NOT_YET_VALID' : 'CERTIFICATE_EXPIRED';
}
