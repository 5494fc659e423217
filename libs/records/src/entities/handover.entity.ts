import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** submitted (by the clerk) → approved (by an agency leader; records handed over) → packaged (BagIt, by the worker). */
export type HandoverStatus = 'submitted' | 'approved' | 'packaged';

/** Danh mục hồ sơ nộp lưu: closed records an agency hands over to its archive (lưu trữ cơ quan). */
@Entity('handover')
export class Handover {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column() title!: string;
  @Column({ type: 'varchar' }) status!: HandoverStatus;
  @Column({ type: 'uuid' }) createdBy!: string;
  @Column({ type: 'uuid', nullable: true }) approvedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) packagedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
