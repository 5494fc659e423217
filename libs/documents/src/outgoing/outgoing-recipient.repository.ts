import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { OutgoingRecipient } from './entities/outgoing-recipient.entity';

export type NewRecipient = Pick<OutgoingRecipient, 'kind' | 'unitId' | 'name' | 'email'> & Partial<Pick<OutgoingRecipient, 'organId' | 'externalAgencyId'>>;

/** A recipient with the state of its incoming copy, for the sender's delivery view. */
export interface RecipientProgress extends OutgoingRecipient {
  incomingStatus: string | null;
  /** The copy's số đến in the recipient's register, `N/YYYY` (the acknowledgement the sender sees). */
  incomingNumber: string | null;
  /** Why the recipient returned the copy (trả lại), when it did. */
  returnReason: string | null;
}

@Injectable()
export class OutgoingRecipientRepository {
  constructor(@InjectRepository(OutgoingRecipient) private readonly repo: Repository<OutgoingRecipient>) {}

  async replaceAll(manager: EntityManager, documentId: string, recipients: NewRecipient[]): Promise<void> {
    const repo = manager.getRepository(OutgoingRecipient);
    await repo.delete({ documentId });
    await repo.save(recipients.map((r) => repo.create({ ...r, documentId, delivery: 'pending', attempts: 0 })));
  }

  listOf(documentId: string, manager?: EntityManager): Promise<OutgoingRecipient[]> {
    return (manager?.getRepository(OutgoingRecipient) ?? this.repo).find({ where: { documentId }, order: { kind: 'DESC', name: 'ASC' } });
  }

  /** Each recipient with its incoming copy's status: received, assigned, done — read live from the copy. */
  async progressOf(documentId: string): Promise<RecipientProgress[]> {
    const rows = await this.repo
      .createQueryBuilder('r')
      .leftJoin('incoming_document', 'i', 'i.id = r.incoming_document_id')
      .addSelect('i.status', 'incoming_status')
      .addSelect(`CASE WHEN i.id IS NULL THEN NULL ELSE i.incoming_number || '/' || i.year END`, 'incoming_number')
      .addSelect(
        `(SELECT e.note FROM incoming_event e WHERE e.document_id = i.id AND e.action = 'return' ORDER BY e.id DESC LIMIT 1)`,
        'return_reason',
      )
      .where('r.document_id = :documentId', { documentId })
      .orderBy('r.kind', 'DESC')
      .addOrderBy('r.name', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((r, i) => {
      const raw = rows.raw[i] as { incoming_status: string | null; incoming_number: string | null; return_reason: string | null };
      return { ...r, incomingStatus: raw.incoming_status, incomingNumber: raw.incoming_number, returnReason: raw.return_reason };
    });
  }

  findById(id: string): Promise<OutgoingRecipient | null> {
    return this.repo.findOneBy({ id });
  }

  async update(id: string, changes: Partial<OutgoingRecipient>, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(OutgoingRecipient) ?? this.repo).update({ id }, changes);
  }
}
