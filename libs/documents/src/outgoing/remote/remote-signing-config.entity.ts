import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RemoteProtocol } from '@eoffice/signing';

/** An agency's remote signing service: its protocol and endpoint; the client secret stays in the environment. */
@Entity('remote_signing_provider')
export class RemoteSigningProvider {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'varchar' }) protocol!: RemoteProtocol;
  @Column({ type: 'text' }) baseUrl!: string;
  /** The key of REMOTE_SIGNING_CREDENTIALS holding this provider's client id and secret. */
  @Column({ type: 'varchar' }) credentialsKey!: string;
  /** How long a signer has to confirm on the phone; polling stops then and the session expires. */
  @Column({ type: 'int' }) timeoutSeconds!: number;
  /** The first wait between two status polls (it grows, up to ten times this). */
  @Column({ type: 'int' }) pollSeconds!: number;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A person's credential at their agency's provider (CSC credentialID, sp769 user id). */
@Entity('remote_signing_account')
export class RemoteSigningAccount {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) credentialId!: string;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
