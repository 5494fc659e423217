import { mapPage } from '@eoffice/core';
import type { SigningCertificate } from '@eoffice/documents';
import type { CertificateDto, CertificatePageDto } from './dto/certificate-responses.dto';

/** What anyone may see of a stored certificate: the public certificate's facts, never its key. */
export function toCertificateDto(c: SigningCertificate): CertificateDto {
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

export function toCertificatePageDto(page: { items: SigningCertificate[]; total: number; page: number; pageSize: number }): CertificatePageDto {
  return mapPage(page, toCertificateDto);
}
