import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `delivered`: an internal unit received its incoming copy; `sent`: the e-mail left for an
 * external recipient; `not_sent`: no mail server is configured; `failed`: retries ran out;
 * `paper_sent`: a clerk recorded that the paper copy left (paper recipients).
 */
export type DeliveryState = 'pending' | 'delivered' | 'sent' | 'failed' | 'not_sent' | 'paper_sent';

/** Nơi nhận: a unit of this installation, an outside organisation reached by e-mail, or one sent the paper copy. */
@Entity('outgoing_recipient')
export class OutgoingRecipient {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'varchar' }) kind!: 'internal' | 'external' | 'paper';
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
  /** The clerk who recorded that the paper copy went out. */
  @Column({ type: 'uuid', nullable: true }) paperSentBy!: string | null;
}
