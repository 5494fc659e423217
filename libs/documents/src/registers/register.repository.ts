import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Register } from './register.entity';

@Injectable()
export class RegisterRepository {
  constructor(@InjectRepository(Register) private readonly repo: Repository<Register>) {}

  insert(manager: EntityManager, register: Omit<Register, 'id' | 'createdAt' | 'active' | 'documentTypes'> & Partial<Pick<Register, 'documentTypes'>>): Promise<Register> {
    const repo = manager.getRepository(Register);
    return repo.save(repo.create({ documentTypes: null, ...register, active: true }));
  }

  findById(id: string, manager?: EntityManager): Promise<Register | null> {
    return (manager ? manager.getRepository(Register) : this.repo).findOneBy({ id });
  }

  /** The active register of a kind for an agency; confidential documents go to their own register. */
  findDefault(agencyId: string, kind: Register['kind'], confidential: boolean): Promise<Register | null> {
    return this.repo.findOne({ where: { agencyId, kind, confidential, active: true }, order: { createdAt: 'ASC' } });
  }

  /** The outgoing register that numbers this type: one kept apart for it, else the general one. */
  async findOutgoingFor(agencyId: string, confidential: boolean, documentType: string, manager?: EntityManager): Promise<Register | null> {
    const rows = await (manager ? manager.getRepository(Register) : this.repo)
      .createQueryBuilder('r')
      .where(`r.agency_id = :agencyId AND r.kind = 'outgoing' AND r.confidential = :confidential AND r.active`, { agencyId, confidential })
      .andWhere('(r.document_types IS NULL OR :documentType = ANY(r.document_types))', { documentType })
      .orderBy('r.document_types IS NULL', 'ASC')
      .addOrderBy('r.created_at', 'ASC')
      .getMany();
    return rows[0] ?? null;
  }

  findForAgency(agencyId: string): Promise<Register[]> {
    return this.repo.find({ where: { agencyId }, order: { kind: 'ASC', code: 'ASC' } });
  }
}
