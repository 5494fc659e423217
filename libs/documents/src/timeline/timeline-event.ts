import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a document's timeline (incoming_event, outgoing_event): who did what, when, from
 * which state to which, with a note. Statistics replay these to know any past state.
 */
export abstract class TimelineEvent {
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
