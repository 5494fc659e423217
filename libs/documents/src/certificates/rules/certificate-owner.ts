import type { SigningCertificate } from '../signing-certificate.entity';

/** Whose signature a certificate makes: a person's (personal) or an agency's seal (organisation). */
export type CertificateOwner = { kind: 'personal'; userId: string } | { kind: 'organisation'; agencyId: string };

type OwnerColumns = Pick<SigningCertificate, 'kind' | 'ownerUserId' | 'ownerAgencyId'>;

export function ownerColumns(owner: CertificateOwner): OwnerColumns {
  return owner.kind === 'personal'
    ? { kind: 'personal', ownerUserId: owner.userId, ownerAgencyId: null }
    : { kind: 'organisation', ownerUserId: null, ownerAgencyId: owner.agencyId };
}

export function ownerOf(certificate: OwnerColumns): CertificateOwner {
  return certificate.kind === 'personal'
    ? { kind: 'personal', userId: certificate.ownerUserId! }
    : { kind: 'organisation', agencyId: certificate.ownerAgencyId! };
}
