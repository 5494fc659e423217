import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { IncomingAssignment } from './entities/incoming-assignment.entity';

@Injectable()
export class IncomingAssignmentRepository {
  constructor(@InjectRepository(IncomingAssignment) private readonly repo: Repository<IncomingAssignment>) {}

  findActive(documentId: string, manager?: EntityManager): Promise<IncomingAssignment[]> {
    return (manager ? manager.getRepository(IncomingAssignment) : this.repo).find({
      where: { documentId, active: true },
      order: { assignedAt: 'ASC' },
    });
  }

  findActiveForDocuments(documentIds: string[]): Promise<IncomingAssignment[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return this.repo.find({ where: { documentId: In(documentIds), active: true } });
  }

  /** A new direction replaces the previous one; old rows stay (inactive) as history. */
  async replaceActive(manager: EntityManager, documentId: string, rows: Partial<IncomingAssignment>[]): Promise<void> {
    const repo = manager.getRepository(IncomingAssignment);
    await repo.update({ documentId, active: true }, { active: false });
    await repo.save(rows.map((row) => repo.create({ ...row, documentId, active: true })));
  }

  async update(manager: EntityManager, id: string, changes: Partial<IncomingAssignment>): Promise<void> {
    await manager.getRepository(IncomingAssignment).update({ id }, changes);
  }
}
