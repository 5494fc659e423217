import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EncryptedPrivateKey } from '@eoffice/signing';

/** `personal`: a person's own signature (lãnh đạo ký); `organisation`: the agency's seal (chữ ký số của cơ quan). */
export type CertificateKind = 'personal' | 'organisation';

/**
 * Chứng thư số with its private key sealed at rest. The sealed key is never selected unless
 * asked for (`select: false`), so lists and detail reads cannot carry it by accident.
 */
@Entity('signing_certificate')
export class SigningCertificate {
  /** Chosen before insert: the sealed key is bound to it. */
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'varchar' }) kind!: CertificateKind;
  @Column({ type: 'uuid', nullable: true }) ownerUserId!: string | null;
  @Column({ type: 'uuid', nullable: true }) ownerAgencyId!: string | null;
  @Column({ type: 'varchar', nullable: true }) subjectCommonName!: string | null;
  @Column() subject!: string;
  @Column() issuer!: string;
  @Column() serialNumber!: string;
  /** SHA-256 of the certificate's DER, lower-case hex. */
  @Column({ type: 'char', length: 64 }) fingerprint!: string;
  @Column({ type: 'timestamptz' }) notBefore!: Date;
  @Column({ type: 'timestamptz' }) notAfter!: Date;
  @Column({ type: 'text' }) certificatePem!: string;
  /** Issuing CA certificates from the PKCS#12, nearest first. */
  @Column({ type: 'text', array: true }) chainPems!: string[];
  @Column({ type: 'jsonb', select: false }) encryptedPrivateKey!: EncryptedPrivateKey;
  /** Blue signature (personal) or red seal (organisation), transparent PNG. */
  @Column({ type: 'uuid' }) imageFileId!: string;
  @Column() active!: boolean;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) revokedBy!: string | null;
}
