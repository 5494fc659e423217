import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `none`: the source is a PDF; otherwise the worker's LibreOffice conversion of a docx/odt. */
export type ConversionState = 'none' | 'pending' | 'done' | 'failed';

/** One uploaded version of a draft; every version is kept (Decree 30 Art. 10: drafts travel in the System). */
@Entity('outgoing_version')
export class OutgoingVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'integer' }) versionNumber!: number;
  /** The file as uploaded: the PDF, or the editable original beside its PDF. */
  @Column({ type: 'uuid' }) sourceFileId!: string;
  @Column({ type: 'uuid', nullable: true }) pdfFileId!: string | null;
  @Column({ type: 'varchar' }) conversion!: ConversionState;
  @Column({ type: 'text', nullable: true }) conversionError!: string | null;
  /** The job run converting a docx/odt source (GET /jobs/:id shows its progress). */
  @Column({ type: 'uuid', nullable: true }) conversionJobId!: string | null;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
