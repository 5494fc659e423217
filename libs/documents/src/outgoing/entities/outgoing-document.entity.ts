import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Confidentiality, Urgency } from '../../marks';
import type { DraftLayoutInput } from '../outgoing-input';
import type { OutgoingStatus, ReviewStage } from '../outgoing-lifecycle';
import type { SigningAuthorityKind } from '../signing-authority';

/** Văn bản đi: from the officer's draft to the issued, sealed and dispatched document. */
@Entity('outgoing_document')
export class OutgoingDocument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  /** Đơn vị soạn thảo: its head reviews the content; its code ends a công văn's notation. */
  @Column({ type: 'uuid' }) draftingUnitId!: string;
  @Column({ type: 'uuid' }) authorId!: string;
  @Column({ type: 'varchar' }) status!: OutgoingStatus;
  @Column({ type: 'varchar', nullable: true }) reviewStage!: ReviewStage | null;
  /** The catalogue name (Decree 30 Phụ lục III), e.g. `Quyết định`, `Công văn`. */
  @Column() documentType!: string;
  @Column() subject!: string;
  @Column({ type: 'varchar' }) urgency!: Urgency;
  @Column({ type: 'varchar' }) confidentiality!: Confidentiality;
  /** Người ký: the only person who may approve at the last stage and sign. */
  @Column({ type: 'uuid' }) signerId!: string;
  /** Box 7a, e.g. `KT. GIÁM ĐỐC` (shown in the register's "Người ký" column). */
  @Column({ type: 'varchar', nullable: true }) signingTitle!: string | null;
  /** On whose behalf the signer signed (set when signing): own name, KT., TL., TUQ., Q. of the head, or TM. of a collective body. */
  @Column({ type: 'varchar', nullable: true }) signingAuthority!: SigningAuthorityKind | null;
  /** The head's title the prefix stands before (`GIÁM ĐỐC`), as it was when signing. */
  @Column({ type: 'varchar', nullable: true }) authorityTitle!: string | null;
  /** Box 7b: the signer's own title (`PHÓ GIÁM ĐỐC`), as it was when signing. */
  @Column({ type: 'varchar', nullable: true }) signerTitle!: string | null;
  /** The signing delegation (ủy quyền ký, TUQ.) or acting appointment (giao quyền, Q.) the signature rests on. */
  @Column({ type: 'uuid', nullable: true }) signingDelegationId!: string | null;
  @Column({ type: 'uuid', nullable: true }) replyToIncomingId!: string | null;
  @Column() closesIncoming!: boolean;
  @Column({ type: 'uuid', nullable: true }) replacesId!: string | null;
  /** Set when the document that replaces this one is issued (văn bản thay thế, docs/exchange.md). */
  @Column({ type: 'uuid', nullable: true }) replacedById!: string | null;
  @Column({ type: 'jsonb', nullable: true }) layout!: DraftLayoutInput | null;
  /** Thời gian hiệu lực: the last day the document is in force, when its text sets one (reminded before it ends). */
  @Column({ type: 'date', nullable: true }) validUntil!: string | null;
  @Column({ type: 'uuid', nullable: true }) currentVersionId!: string | null;
  @Column({ type: 'uuid', nullable: true }) signedFileId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  /** SHA-256 of the leader's certificate (DER, hex), checked again at issue. */
  @Column({ type: 'varchar', nullable: true }) signerCertificateSha256!: string | null;
  @Column({ type: 'uuid', nullable: true }) registerId!: string | null;
  @Column({ type: 'integer', nullable: true }) year!: number | null;
  @Column({ type: 'integer', nullable: true }) outgoingNumber!: number | null;
  /** Số, ký hiệu as printed, e.g. `05/QĐ-SGDĐT`. */
  @Column({ type: 'varchar', nullable: true }) numberSymbol!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) issuedAt!: Date | null;
  /** Signed in ink: the number went to the paper original, the issued file is its sealed scan (the register notes it). */
  @Column({ type: 'boolean', default: false }) signedOnPaper!: boolean;
  @Column({ type: 'uuid', nullable: true }) issuedBy!: string | null;
  /** The issued PDF: leader signature, number and date, organisation signature. */
  @Column({ type: 'uuid', nullable: true }) issuedFileId!: string | null;
  /** PAdES level of the issued file's signatures (B-B … B-LTA); null before the issue. */
  @Column({ type: 'varchar', nullable: true }) longTermLevel!: 'B-B' | 'B-T' | 'B-LT' | 'B-LTA' | null;
  /** Why the level is below B-LT (TSA or OCSP responder down); a job upgrades it later. */
  @Column({ type: 'text', nullable: true }) longTermWarning!: string | null;
  /** Until when the latest time-stamp's TSA certificate is valid: the B-LTA refresh comes before. */
  @Column({ type: 'timestamptz', nullable: true }) longTermStampedUntil!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) longTermRefreshedAt!: Date | null;
  /** Random token of the public verification link (GET /verify/:token); never derived from the id. */
  @Column({ type: 'varchar', nullable: true, select: false }) verificationToken!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) recalledAt!: Date | null;
  @Column({ type: 'text', nullable: true }) recallReason!: string | null;
  /** The words of the current PDF for search (folded into search_folded); not loaded with the document. */
  @Column({ type: 'text', nullable: true, select: false }) extractedText!: string | null;
  /** The PDF those words came from: a new version or the issued PDF is read again, the same one is not. */
  @Column({ type: 'uuid', nullable: true, select: false }) textFileId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) textExtractedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
