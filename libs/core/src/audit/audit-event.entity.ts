import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only trail. Written unsealed (no `chainSeq`, no hashes) by the request;
 * the sealer then gives it its place and `hash`, which chains it to the previous line.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column()
  action!: string;

  @Column()
  entityType!: string;

  @Column()
  entityId!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  /** The line's place in the chain, 1, 2, 3, … without gaps; null until sealed. */
  @Column({ type: 'bigint', nullable: true })
  chainSeq!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string | null;
}
