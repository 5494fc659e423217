import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Unit } from '../entities/unit.entity';

@Injectable()
export class UnitRepository {
  constructor(@InjectRepository(Unit) private readonly repo: Repository<Unit>) {}

  findById(id: string, manager?: EntityManager): Promise<Unit | null> {
    return (manager ? manager.getRepository(Unit) : this.repo).findOneBy({ id });
  }

  findRootAgency(): Promise<Unit | null> {
    return this.repo.findOne({ where: { kind: 'agency', parentId: IsNull() }, order: { createdAt: 'ASC' } });
  }

  findAgencyByCode(code: string): Promise<Unit | null> {
    return this.repo.findOneBy({ kind: 'agency', code });
  }

  findAll(): Promise<Unit[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  async insert(manager: EntityManager, unit: Partial<Unit>): Promise<Unit> {
    const repo = manager.getRepository(Unit);
    const saved = await repo.save(repo.create(unit));
    if (saved.kind === 'agency' && !saved.agencyId) {
      saved.agencyId = saved.id;
      await repo.update({ id: saved.id }, { agencyId: saved.id });
    }
    return saved;
  }

  async setHead(manager: EntityManager, unitId: string, userId: string): Promise<void> {
    await manager.getRepository(Unit).update({ id: unitId }, { headUserId: userId });
  }
}
