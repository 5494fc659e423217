import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `delivered`: an internal unit received its incoming copy; `sent`: the e-mail left for an
 * external recipient; `not_sent`: no mail server is configured; `failed`: retries ran out;
 * `paper_sent`: a clerk recorded that the paper copy left (paper recipients).
 */
export type RecipientKind = 'internal' | 'external' | 'paper' | 'agency';

export type DeliveryState = 'pending' | 'delivered' | 'sent' | 'failed' | 'not_sent' | 'paper_sent';

/**
 * Nơi nhận: a unit of this installation, an outside organisation reached by e-mail, one sent the paper
 * copy, or an agency of the directory reached by edXML package (`agency`, by its OrganId).
 */
@Entity('outgoing_recipient')
export class OutgoingRecipient {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'varchar' }) kind!: RecipientKind;
  @Column({ type: 'uuid', nullable: true }) unitId!: string | null;
  @Column() name!: string;
  @Column({ type: 'varchar', nullable: true }) email!: string | null;
  @Column({ type: 'varchar' }) delivery!: DeliveryState;
  /** The recipient unit's incoming copy (internal recipients). */
  @Column({ type: 'uuid', nullable: true }) incomingDocumentId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) recalledAt!: Date | null;
  /** A directory agency's OrganId, as the outgoing register and the package name it (Decree 30 Phụ lục VI). */
  @Column({ type: 'varchar', nullable: true }) organId!: string | null;
  @Column({ type: 'uuid', nullable: true }) externalAgencyId!: string | null;
  /** The last status message the agency sent back (01 arrived … 06 done, 02 refused) and when it happened there. */
  @Column({ type: 'varchar', nullable: true }) exchangeStatus!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) exchangeStatusAt!: Date | null;
  /** The clerk who recorded that the paper copy went out. */
  @Column({ type: 'uuid', nullable: true }) paperSentBy!: string | null;
}
