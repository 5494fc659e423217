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

  /** The directory agencies of `fromId` that `toId` does not name yet, added to it; their OrganIds. */
  async addMissingAgencies(manager: EntityManager, fromId: string, toId: string): Promise<string[]> {
    const rows: { organId: string }[] = await manager.query(
      `INSERT INTO outgoing_recipient (document_id, kind, name, organ_id, external_agency_id, delivery, attempts)
       SELECT $2, 'agency', r.name, r.organ_id, r.external_agency_id, 'pending', 0 FROM outgoing_recipient r
        WHERE r.document_id = $1 AND r.kind = 'agency'
          AND NOT EXISTS (SELECT 1 FROM outgoing_recipient x WHERE x.document_id = $2 AND x.kind = 'agency' AND x.organ_id = r.organ_id)
       RETURNING organ_id AS "organId"`,
      [fromId, toId],
    );
    return rows.map((r) => r.organId);
  }

  findById(id: string): Promise<OutgoingRecipient | null> {
    return this.repo.findOneBy({ id });
  }

  /**
   * The receiving agency took our package: `sent`, unless its answer came back as 02 (refused or
   * returned) already — a status message can overtake the HTTP answer to the package it is about.
   */
  async markPackageDelivered(id: string): Promise<void> {
    await this.repo.query(
      `UPDATE outgoing_recipient SET delivery = 'sent', delivered_at = COALESCE(delivered_at, now()), last_error = NULL
        WHERE id = $1 AND exchange_status IS DISTINCT FROM '02'`,
      [id],
    );
  }

  async update(id: string, changes: Partial<OutgoingRecipient>, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(OutgoingRecipient) ?? this.repo).update({ id }, changes);
  }
}
