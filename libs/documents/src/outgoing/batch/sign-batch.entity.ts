import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RemoteBatchTransaction } from '@eoffice/signing';

export type SignBatchMethod = 'stored' | 'remote';
/** The one provider transaction of a remote batch that signs several hashes at once (CSC). */
export type SignBatchRemoteStatus = 'pending' | 'signed' | 'rejected' | 'expired' | 'failed';
export type SignBatchItemStatus = 'pending' | 'signed' | 'failed';

/** Ký hàng loạt: one leader's action over several approved drafts. */
@Entity('outgoing_sign_batch')
export class SignBatch {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) signerId!: string;
  @Column({ type: 'varchar' }) method!: SignBatchMethod;
  /** Remote, one transaction for all (CSC): the provider, its transaction id and how it went; null otherwise. */
  @Column({ type: 'uuid', nullable: true }) providerId!: string | null;
  @Column({ type: 'varchar', nullable: true }) transactionId!: string | null;
  /** What a status call needs (the hashes in order): kept so the poll asks about exactly what was sent. */
  @Column({ type: 'jsonb', nullable: true }) transaction!: RemoteBatchTransaction | null;
  @Column({ type: 'varchar', nullable: true }) remoteStatus!: SignBatchRemoteStatus | null;
  @Column({ type: 'varchar', nullable: true }) failureCode!: string | null;
  @Column({ type: 'text', nullable: true }) failureMessage!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}

/** One draft of a batch, in the order the leader gave; a remote one follows its own signing session. */
@Entity('outgoing_sign_batch_item')
export class SignBatchItem {
  @PrimaryColumn({ type: 'uuid' }) batchId!: string;
  @PrimaryColumn({ type: 'int' }) position!: number;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'varchar' }) status!: SignBatchItemStatus;
  @Column({ type: 'uuid', nullable: true }) sessionId!: string | null;
  /** What the single route would have answered: HTTP status and code (docs/error-codes.md). */
  @Column({ type: 'int', nullable: true }) failureStatus!: number | null;
  @Column({ type: 'varchar', nullable: true }) failureCode!: string | null;
  @Column({ type: 'text', nullable: true }) failureMessage!: string | null;
}
