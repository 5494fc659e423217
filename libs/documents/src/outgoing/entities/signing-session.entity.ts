import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeferredSigningState, RemoteSigningState } from '@eoffice/signing';
import type { SigningAuthorityKind } from '../signing-authority';

/** A whole-PDF signing plugin: it gets the prepared PDF and must send back that PDF plus its signature. */
export interface PluginSigningState {
  mode: 'plugin';
}

/** What `complete` checks: a token's signature over prepared signed attributes, or a plugin's upload. */
export type SigningSessionState = DeferredSigningState | PluginSigningState | RemoteSigningState;

/** Where a remote signature stands (null for a token or plugin session). */
export type RemoteSigningStatus = 'sending' | 'pending' | 'signed' | 'rejected' | 'expired' | 'failed';

export const isPluginSession = (state: SigningSessionState): state is PluginSigningState => 'mode' in state && state.mode === 'plugin';

/** A signature waiting for the leader's computer (USB token or signing plugin) or phone (remote): the PDF sent and what `complete` checks. */
@Entity('outgoing_signing_session')
export class SigningSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'uuid' }) signerId!: string;
  @Column({ type: 'uuid' }) preparedFileId!: string;
  @Column({ type: 'jsonb' }) state!: SigningSessionState;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** The authority chosen when the signature was prepared (drawn into it); checked again on completion. */
  @Column({ type: 'varchar', nullable: true }) signingAuthority!: SigningAuthorityKind | null;
  /** Remote signing only: the agency's provider, its transaction id, and how it went. */
  @Column({ type: 'uuid', nullable: true }) providerId!: string | null;
  @Column({ type: 'varchar', nullable: true }) transactionId!: string | null;
  @Column({ type: 'varchar', nullable: true }) remoteStatus!: RemoteSigningStatus | null;
  @Column({ type: 'varchar', nullable: true }) failureCode!: string | null;
  @Column({ type: 'text', nullable: true }) failureMessage!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
