import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Confidentiality, Urgency } from '../../marks';
import type { IncomingStatus } from '../incoming-lifecycle';

// Still exported from here (the library's entry point has always exported them with this entity).
export type { Confidentiality, Urgency };
export type ReceivedVia = 'paper' | 'email' | 'system' | 'edxml';

/** Văn bản đến, with its incoming number (số đến) in a register and year. */
@Entity('incoming_document')
export class IncomingDocument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'uuid' }) registerId!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'int' }) incomingNumber!: number;
  @Column({ type: 'varchar' }) status!: IncomingStatus;
  @Column() sourceNumberSymbol!: string;
  @Column({ type: 'date' }) sourceDate!: string;
  @Column() issuingAuthority!: string;
  @Column() documentType!: string;
  @Column() subject!: string;
  @Column({ type: 'varchar' }) urgency!: Urgency;
  @Column({ type: 'varchar' }) confidentiality!: Confidentiality;
  @Column({ type: 'varchar' }) receivedVia!: ReceivedVia;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'int', nullable: true }) pageCount!: number | null;
  /** Thời gian hiệu lực: the last day the document is in force, when its text sets one (Decree 30 Điều 8); reminded before it ends. */
  @Column({ type: 'date', nullable: true }) validUntil!: string | null;
  /** The scan as PDF: what is read, signed over and archived. */
  @Column({ type: 'uuid' }) scanFileId!: string;
  /** The image the clerk sent as the scan, kept after the worker made the PDF from it. */
  @Column({ type: 'uuid', nullable: true }) scanImageFileId!: string | null;
  @Column({ type: 'uuid', nullable: true }) originalFileId!: string | null;
  /** `null` for a copy the system delivered from an outgoing document of another agency. */
  @Column({ type: 'uuid', nullable: true }) registeredBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) sourceOutgoingId!: string | null;
  /** The intake item (văn bản chờ vào sổ) it was registered from; unique: an item is registered at most once. */
  @Column({ type: 'uuid', nullable: true }) intakeItemId!: string | null;
  @Column({ type: 'uuid', nullable: true }) submittedTo!: string | null;
  @Column({ type: 'text', nullable: true }) instruction!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  @Column({ type: 'text', nullable: true }) resultNote!: string | null;
  @Column({ type: 'uuid', nullable: true }) resultFileId!: string | null;
  @Column({ type: 'uuid', nullable: true }) replyOutgoingId!: string | null;
  /** Văn bản thay thế: the copy registered from the sender's replacement package, once it is registered. */
  @Column({ type: 'uuid', nullable: true }) replacedById!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) replacedAt!: Date | null;
  @Column({ type: 'varchar', nullable: true, select: false }) idempotencyKey!: string | null;
  /** SHA-256 of the request the key was first used for (see idempotency-fingerprint.ts). */
  @Column({ type: 'char', length: 64, nullable: true, select: false }) idempotencyFingerprint!: string | null;
  /** The scan's words for search (folded into search_folded); not loaded with the document. */
  @Column({ type: 'text', nullable: true, select: false }) extractedText!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) textExtractedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
