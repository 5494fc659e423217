import { Injectable } from '@nestjs/common';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import type { Page } from '@eoffice/core';
import type { SigningCertificate } from './signing-certificate.entity';
import { SigningCertificateRepository } from './signing-certificate.repository';

/** Which stored certificates a person sees: their own, and for administrators every agency's seal certificate. */
@Injectable()
export class CertificateQueryService {
  constructor(
    private readonly certificates: SigningCertificateRepository,
    private readonly organisation: OrganisationScope,
  ) {}

  list(actor: Actor, page: number, pageSize: number): Promise<Page<SigningCertificate>> {
    const filter = { ownerUserId: actor.id, withOrganisations: this.organisation.canAdminister(actor) };
    return this.certificates.page(filter, page, pageSize);
  }
}
