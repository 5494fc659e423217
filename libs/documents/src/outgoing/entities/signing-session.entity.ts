import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeferredSigningState } from '@eoffice/signing';

/** A deferred signature waiting for the leader's token: the prepared PDF and what `complete` checks. */
@Entity('outgoing_signing_session')
export class SigningSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'uuid' }) signerId!: string;
  @Column({ type: 'uuid' }) preparedFileId!: string;
  @Column({ type: 'jsonb' }) state!: DeferredSigningState;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
