import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReceivedVia } from '../incoming';
import type { IntakeProposal } from './intake-proposal';
import type { ReceiptVerification } from './receipt-verification';

/**
 * waiting: chờ vào sổ; registered: has its số đến; returned: sent back with a reason; not_a_document: discarded;
 * recalled: the sending agency recalled it (thu hồi, an edXML status 13) before it was registered.
 */
export type IntakeState = 'waiting' | 'registered' | 'returned' | 'not_a_document' | 'recalled';
export const INTAKE_STATES: readonly IntakeState[] = ['waiting', 'registered', 'returned', 'not_a_document', 'recalled'];

/** One arrival (a scan, an e-mail, later an edXML package) waiting for the clerk. */
@Entity('intake_item')
export class IntakeItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'varchar' }) channel!: ReceivedVia;
  /** The scan job's id; for e-mail `mailbox:UIDVALIDITY:UID`. Unique per channel. */
  @Column({ type: 'varchar' }) sourceId!: string;
  /** RFC 5322 Message-ID of an e-mail; unique per agency. */
  @Column({ type: 'varchar', nullable: true }) messageId!: string | null;
  /** The sender's address (e-mail) or the person who scanned (paper). */
  @Column({ type: 'varchar', nullable: true }) sender!: string | null;
  @Column({ type: 'varchar', nullable: true }) senderName!: string | null;
  /** The e-mail's subject line, or the scan's file name. */
  @Column({ type: 'varchar', nullable: true }) title!: string | null;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'varchar' }) state!: IntakeState;
  /** What the intake noticed: no_attachments, spam_like, malformed_mime, attachment_refused, unsigned_pdf, signature_invalid… */
  @Column({ type: 'text', array: true }) flags!: string[];
  @Column({ type: 'jsonb' }) proposal!: IntakeProposal;
  /** The e-mail as received (.eml), byte for byte. */
  @Column({ type: 'uuid', nullable: true }) messageFileId!: string | null;
  @Column({ type: 'uuid', nullable: true }) incomingDocumentId!: string | null;
  /** Field → {proposed, registered} for what the clerk changed from the proposal. */
  @Column({ type: 'jsonb', nullable: true }) corrections!: Record<string, { proposed: unknown; registered: unknown }> | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** A replacement package (liên thông): the intake item of the earlier copy it replaces. */
  @Column({ type: 'uuid', nullable: true }) replacesItemId!: string | null;
  /** When the e-mail sender was told it was registered (báo nhận) / returned; each is sent once. */
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) returnNotifiedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A file that came with the item: kept (fileId) or refused (no fileId, flagged), with its signature check. */
@Entity('intake_item_file')
export class IntakeItemFile {
  @PrimaryColumn({ type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ type: 'int' }) position!: number;
  @Column({ type: 'uuid', nullable: true }) fileId!: string | null;
  @Column({ type: 'varchar', nullable: true }) originalName!: string | null;
  @Column({ type: 'varchar', nullable: true }) mimeType!: string | null;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) sizeBytes!: number;
  @Column({ type: 'char', length: 64, nullable: true }) sha256!: string | null;
  @Column({ type: 'text', array: true }) flags!: string[];
  @Column({ type: 'jsonb', nullable: true }) verification!: ReceiptVerification | null;
}
