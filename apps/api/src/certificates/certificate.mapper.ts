import type { SigningCertificate } from '@eoffice/documents';

/** What anyone may see of a stored certificate: the public certificate's facts, never its key. */
export function toCertificateDto(c: SigningCertificate) {
  return {
    id: c.id,
    kind: c.kind,
    ownerUserId: c.ownerUserId,
    agencyId: c.ownerAgencyId,
    commonName: c.subjectCommonName,
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    sha256Fingerprint: c.fingerprint,
    validFrom: c.notBefore,
    validTo: c.notAfter,
    chainLength: c.chainPems.length,
    imageFileId: c.imageFileId,
    active: c.active,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    revokedAt: c.revokedAt,
  };
}
