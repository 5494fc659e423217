import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of an outgoing document's timeline: every review comment, approval and state change. */
@Entity('outgoing_event')
export class OutgoingEvent {
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
