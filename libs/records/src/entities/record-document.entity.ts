import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FiledKind = 'incoming' | 'outgoing';

/** A document filed in a record: a reference (the document is never copied) with its order number. */
@Entity('record_document')
export class RecordDocument {
  @PrimaryColumn({ type: 'uuid' }) recordId!: string;
  @PrimaryColumn({ type: 'varchar' }) documentKind!: FiledKind;
  @PrimaryColumn({ type: 'uuid' }) documentId!: string;
  /** Số thứ tự văn bản trong hồ sơ; renumbered by date when the record is closed. */
  @Column({ type: 'int' }) docOrdinal!: number;
  /** The document's own date (ngày văn bản), which orders the record. */
  @Column({ type: 'date' }) documentDate!: string;
  @Column({ type: 'int' }) pageCount!: number;
  @Column({ type: 'uuid' }) filedBy!: string;
  @Column({ type: 'timestamptz' }) filedAt!: Date;
}
