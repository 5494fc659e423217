import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeferredSigningState, RemoteBatchTransaction, RemoteTransaction } from '@eoffice/signing';

/** Where an agency's seal key is: on the server (PKCS#12), on the clerk's USB token, at a CA (remote e-seal). */
export type SealMode = 'stored' | 'token' | 'remote';

@Entity('agency_seal')
export class AgencySeal {
  @PrimaryColumn({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'varchar' }) mode!: SealMode;
  /** The e-seal's credential at the agency's remote signing provider. */
  @Column({ type: 'varchar', nullable: true }) credentialId!: string | null;
  @Column({ type: 'uuid', nullable: true }) sealImageFileId!: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** `issue`: number taken in the saga; `paper`: the scan of a paper original numbered before. */
export type SealSagaKind = 'issue' | 'paper';
/** prepared → (requested) → completed; or voided (issue: the number with it) / failed (paper: the scan may come again). */
export type SealSagaStep = 'prepared' | 'requested' | 'completed' | 'voided' | 'failed';
export const OPEN_SAGA_STEPS: readonly SealSagaStep[] = ['prepared', 'requested'];

/** An appendix sealed in the saga with its document: its prepared revision, what the seal signs, and (sp769) its own request. */
export interface SealSagaAppendix {
  appendixId: string;
  /** Phụ lục 1, 2, …: the order the provider's hashes and the clerk's answers follow. */
  position: number;
  /** The attached PDF with the seal's revision (số/ký hiệu, time) and an empty /Contents. */
  preparedFileId: string;
  state: DeferredSigningState;
  /** Remote e-seal, one request per file: the provider's answer for this appendix. */
  remoteTransaction: RemoteTransaction | null;
}

/** One seal made without a stored key, step by step; each step is committed before the next starts. */
@Entity('outgoing_seal_saga')
export class SealSaga {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'varchar' }) kind!: SealSagaKind;
  @Column({ type: 'varchar' }) mode!: Exclude<SealMode, 'stored'>;
  @Column({ type: 'varchar' }) step!: SealSagaStep;
  @Column({ type: 'uuid' }) registerId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'varchar' }) numberSymbol!: string;
  @Column({ type: 'timestamptz' }) issuedAt!: Date;
  @Column({ type: 'uuid' }) startedBy!: string;
  /** The numbered PDF with the seal's revision and an empty /Contents: what the seal signs. */
  @Column({ type: 'uuid' }) preparedFileId!: string;
  @Column({ type: 'jsonb' }) state!: DeferredSigningState;
  /** Remote e-seal: the provider's answer to the request, kept so a resumed job does not ask twice. */
  @Column({ type: 'jsonb', nullable: true }) remoteTransaction!: RemoteTransaction | null;
  /** The document's appendices, each sealed with it (an issue; a paper scan has none). */
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) appendices!: SealSagaAppendix[];
  /** Remote e-seal with appendices and a protocol that signs several hashes at once: one transaction, document first, then each appendix. */
  @Column({ type: 'jsonb', nullable: true }) remoteBatch!: RemoteBatchTransaction | null;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'varchar', nullable: true }) failureCode!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'uuid', nullable: true }) sealedFileId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
