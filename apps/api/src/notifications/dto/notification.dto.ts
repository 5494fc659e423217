import { ApiProperty } from '@nestjs/swagger';

const KINDS = [
  'submitted', 'assigned', 'reopened', 'due_soon', 'overdue', 'received', 'recalled',
  'outgoing_review', 'outgoing_returned', 'outgoing_to_issue', 'certificate_expiring', 'backup_failed', 'restore_drill_failed',
  'record_handover_due', 'record_to_file', 'record_list_pending', 'record_destruction', 'remote_signed', 'remote_sign_failed',
];

/** Thông báo: one thing the worker told a person, pointing at what it is about. */
export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'an incoming document' }) documentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) outgoingDocumentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateId!: string | null;
  @ApiProperty({ type: String, nullable: true }) backupRunId!: string | null;
  @ApiProperty({ type: String, nullable: true }) restoreDrillId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'a record (hồ sơ) to hand over to the archive' }) recordId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt!: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
