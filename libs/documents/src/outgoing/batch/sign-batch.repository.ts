import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { SignBatch, SignBatchItem } from './sign-batch.entity';

type NewBatch = Pick<SignBatch, 'signerId' | 'method'> & Partial<SignBatch>;

@Injectable()
export class SignBatchRepository {
  constructor(
    @InjectRepository(SignBatch) private readonly batches: Repository<SignBatch>,
    @InjectRepository(SignBatchItem) private readonly items: Repository<SignBatchItem>,
  ) {}

  insert(manager: EntityManager, batch: NewBatch): Promise<SignBatch> {
    const repo = manager.getRepository(SignBatch);
    return repo.save(repo.create({
      providerId: null, transactionId: null, transaction: null, remoteStatus: null, failureCode: null, failureMessage: null, expiresAt: null, completedAt: null, ...batch,
    }));
  }

  async insertItems(manager: EntityManager, items: SignBatchItem[]): Promise<void> {
    if (items.length > 0) await manager.getRepository(SignBatchItem).insert(items);
  }

  async update(manager: EntityManager, id: string, changes: Partial<SignBatch>): Promise<void> {
    await manager.getRepository(SignBatch).update({ id }, changes);
  }

  async updateItem(manager: EntityManager, batchId: string, position: number, changes: Partial<SignBatchItem>): Promise<void> {
    await manager.getRepository(SignBatchItem).update({ batchId, position }, changes);
  }

  findById(id: string): Promise<SignBatch | null> {
    return this.batches.findOne({ where: { id } });
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<SignBatch | null> {
    return manager.getRepository(SignBatch).createQueryBuilder('b').where({ id }).setLock('pessimistic_write').getOne();
  }

  /** A remote batch by its provider's transaction id (unique per provider), for a callback. */
  findByTransaction(providerId: string, transactionId: string): Promise<SignBatch | null> {
    return this.batches.findOne({ where: { providerId, transactionId } });
  }

  itemsOf(batchId: string): Promise<SignBatchItem[]> {
    return this.items.find({ where: { batchId }, order: { position: 'ASC' } });
  }
}
