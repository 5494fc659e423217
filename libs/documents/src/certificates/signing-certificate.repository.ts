import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import type { EncryptedPrivateKey } from '@eoffice/signing';
import type { Page } from '@eoffice/core';
import type { CertificateOwner } from './rules/certificate-owner';
import { SigningCertificate } from './signing-certificate.entity';

export type NewSigningCertificate = Omit<SigningCertificate, 'createdAt' | 'active' | 'revokedAt' | 'revokedBy'>;

export interface CertificateListFilter {
  /** The person's own personal certificates. */
  ownerUserId: string;
  /** Also every agency's organisation certificate (administrators). */
  withOrganisations: boolean;
}

/** Without null columns: TypeORM would not read a null as IS NULL. */
function ownerWhere(owner: CertificateOwner): FindOptionsWhere<SigningCertificate> {
  return owner.kind === 'personal' ? { kind: 'personal', ownerUserId: owner.userId } : { kind: 'organisation', ownerAgencyId: owner.agencyId };
}

@Injectable()
export class SigningCertificateRepository {
  constructor(@InjectRepository(SigningCertificate) private readonly repo: Repository<SigningCertificate>) {}

  /** Returns the row as reads see it: without the sealed key. */
  async insert(manager: EntityManager, certificate: NewSigningCertificate): Promise<SigningCertificate> {
    const repo = manager.getRepository(SigningCertificate);
    await repo.insert({ ...certificate, active: true });
    return repo.findOneByOrFail({ id: certificate.id });
  }

  findById(id: string, manager?: EntityManager): Promise<SigningCertificate | null> {
    return (manager ? manager.getRepository(SigningCertificate) : this.repo).findOneBy({ id });
  }

  /** Only for opening the key to sign; nothing else ever selects it. */
  async findSealedKey(id: string, manager?: EntityManager): Promise<EncryptedPrivateKey> {
    const row = await (manager ? manager.getRepository(SigningCertificate) : this.repo).findOneOrFail({ where: { id }, select: { id: true, encryptedPrivateKey: true } });
    return row.encryptedPrivateKey;
  }

  isRegistered(owner: CertificateOwner, fingerprint: string): Promise<boolean> {
    return this.repo.existsBy({ ...ownerWhere(owner), fingerprint });
  }

  /** Every certificate of the owner, active or not, newest first. */
  findForOwner(owner: CertificateOwner, manager?: EntityManager): Promise<SigningCertificate[]> {
    return (manager ? manager.getRepository(SigningCertificate) : this.repo).find({ where: ownerWhere(owner), order: { createdAt: 'DESC' } });
  }

  async page(filter: CertificateListFilter, page: number, pageSize: number): Promise<Page<SigningCertificate>> {
    const qb = this.repo
      .createQueryBuilder('c')
      .where(
        new Brackets((or) => {
          or.where(`c.kind = 'personal' AND c.owner_user_id = :userId`, { userId: filter.ownerUserId });
          if (filter.withOrganisations) or.orWhere(`c.kind = 'organisation'`);
        }),
      )
      .orderBy('c.active', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** Compare-and-set, so two deactivations at once leave one audit entry, not two. */
  async deactivate(manager: EntityManager, id: string, by: string): Promise<boolean> {
    const result = await manager
      .getRepository(SigningCertificate)
      .update({ id, active: true }, { active: false, revokedAt: new Date(), revokedBy: by });
    return (result.affected ?? 0) > 0;
  }

  /** Active certificates ending before `end`, keyset-paged by id, for the expiry reminders. */
  findActiveEndingBefore(end: Date, afterId: string | null, limit: number): Promise<SigningCertificate[]> {
    const qb = this.repo
      .createQueryBuilder('c')
      .where('c.active AND c.not_after < :end', { end })
      .orderBy('c.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('c.id > :afterId', { afterId });
    return qb.getMany();
  }
}
