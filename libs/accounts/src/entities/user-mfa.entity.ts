import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person's TOTP second factor; `confirmedAt` null while enrolment waits for the first code. */
@Entity('user_mfa')
export class UserMfa {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  /** AES-256-GCM sealed Base32 secret (MfaSecretVault). */
  @Column({ type: 'text' })
  secretSealed!: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'bigint', nullable: true })
  lastUsedStep!: string | null;

  @Column({ type: 'text', array: true })
  recoveryCodeHashes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
