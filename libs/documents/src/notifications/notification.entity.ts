import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type IncomingNotificationKind = 'submitted' | 'assigned' | 'reopened' | 'due_soon' | 'overdue' | 'received' | 'recalled';
export type NotificationKind = IncomingNotificationKind | 'certificate_expiring';

@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) kind!: NotificationKind;
  /** What the notification is about: an incoming document, or a signing certificate. */
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;
  @Column({ type: 'uuid', nullable: true }) certificateId!: string | null;
  @Column() title!: string;
  @Column() dedupeKey!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
