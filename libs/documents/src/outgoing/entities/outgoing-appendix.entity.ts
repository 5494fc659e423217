import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PadesLevel } from '@eoffice/signing';

/** Phụ lục in a separate file: the PDF as attached, and once issued, as the agency signed it. */
@Entity('outgoing_appendix')
export class OutgoingAppendix {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  /** 1, 2, … in the order attached: Phụ lục I, II, … */
  @Column({ type: 'integer' }) position!: number;
  @Column() title!: string;
  @Column({ type: 'uuid' }) fileId!: string;
  @Column({ type: 'uuid', nullable: true }) issuedFileId!: string | null;
  /** The PAdES level the issued appendix reached, as the document's (null before issue). */
  @Column({ type: 'varchar', nullable: true }) longTermLevel!: PadesLevel | null;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
