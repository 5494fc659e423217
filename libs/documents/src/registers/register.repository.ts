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

  findForAgency(agencyId: string): Promise<Register[]> {
    return this.repo.find({ where: { agencyId }, order: { kind: 'ASC', code: 'ASC' } });
  }
}
