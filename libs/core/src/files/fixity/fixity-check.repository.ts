import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { FixityCheck, FixityTrigger } from './fixity-check.entity';

@Injectable()
export class FixityCheckRepository {
  constructor(@InjectRepository(FixityCheck) private readonly repo: Repository<FixityCheck>) {}

  create(manager: EntityManager, trigger: FixityTrigger, requestedBy: string | null): Promise<FixityCheck> {
    const repo = manager.getRepository(FixityCheck);
    return repo.save(
      repo.create({ status: 'queued', trigger, requestedBy, filesChecked: 0, mismatchCount: 0, mismatches: [] }),
    );
  }

  findById(id: string): Promise<FixityCheck | null> {
    return this.repo.findOneBy({ id });
  }

  async update(id: string, changes: Partial<FixityCheck>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(FixityCheck) : this.repo).update({ id }, changes);
  }
}
