import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@eoffice/documents';

const KINDS = NOTIFICATION_KINDS;
const EMAIL_STATES = ['sending', 'retry', 'sent', 'digest', 'digested', 'in_app', 'no_address', 'no_mail', 'too_old', 'failed'];

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
  @ApiProperty({ type: String, nullable: true, description: 'an intake item (văn bản chờ vào sổ) waiting too long' }) intakeItemId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt!: Date | null;
  @ApiProperty({
    enum: EMAIL_STATES,
    nullable: true,
    description: 'its way out by e-mail: sent at once, kept for (or included in) the daily digest, in-app only by preference, or why not mailed; null until the sender saw it',
  })
  emailState!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
