import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** chủ trì (lead), phối hợp (coordinator), để biết (informed). */
export type AssignmentRole = 'lead' | 'coordinator' | 'informed';

@Entity('incoming_assignment')
export class IncomingAssignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'varchar' }) role!: AssignmentRole;
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'text', nullable: true }) instruction!: string | null;
  @Column({ type: 'uuid' }) assignedBy!: string;
  @Column({ type: 'timestamptz' }) assignedAt!: Date;
  @Column({ type: 'int', nullable: true }) progressPercent!: number | null;
  @Column() active!: boolean;
}
