import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Register } from './register.entity';

@Injectable()
export class RegisterRepository {
  constructor(@InjectRepository(Register) private readonly repo: Repository<Register>) {}

  insert(manager: EntityManager, register: Omit<Register, 'id' | 'createdAt' | 'active'>): Promise<Register> {
    const repo = manager.getRepository(Register);
    return repo.save(repo.create({ ...register, active: true }));
  }

  findById(id: string, manager?: EntityManager): Promise<Register | null> {
    return (manager ? manager.getRepository(Register) : this.repo).findOneBy({ id });
  }

  /** The active register of a kind for an agency; confidential documents go to their own register. */
  findDefault(agencyId: string, kind: Register['kind'], confidential: boolean): Promise<Register | null> {
    return this.repo.findOne({ where: { agencyId, kind, confidential, active: true }, order: { createdAt: 'ASC' } });
  }

  findForAgency(agencyId: string): Promise<Register[]> {
    return this.repo.find({ where: { agencyId }, order: { kind: 'ASC', code: 'ASC' } });
  }
}
