import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a document's timeline; statistics replay these to know any past state. */
@Entity('incoming_event')
export class IncomingEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) documentId!: string;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column() action!: string;
  @Column({ type: 'varchar', nullable: true }) fromStatus!: string | null;
  @Column() toStatus!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
}
