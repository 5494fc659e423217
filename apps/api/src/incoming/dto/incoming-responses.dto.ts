import { ApiProperty } from '@nestjs/swagger';
import { IncomingStatus } from '@eoffice/documents';

const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'];
const CONFIDENTIALITIES = ['normal', 'confidential', 'secret', 'top_secret'];

/** Phân công: who leads (chủ trì), coordinates (phối hợp) or is informed, with the deadline. */
export class IncomingAssignmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['lead', 'coordinator', 'informed'] }) role!: string;
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) instruction!: string | null;
  @ApiProperty() assignedBy!: string;
  @ApiProperty() assignedAt!: Date;
  @ApiProperty({ type: Number, nullable: true }) progressPercent!: number | null;
}

/** Văn bản đến as every state-changing route answers it. */
export class IncomingDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'số đến' }) incomingNumber!: number;
  @ApiProperty() year!: number;
  @ApiProperty() registerId!: string;
  @ApiProperty({ enum: Object.values(IncomingStatus) }) status!: string;
  @ApiProperty({ description: 'số, ký hiệu of the sender' }) sourceNumberSymbol!: string;
  @ApiProperty({ format: 'date' }) sourceDate!: string;
  @ApiProperty() issuingAuthority!: string;
  @ApiProperty() documentType!: string;
  @ApiProperty({ description: 'trích yếu' }) subject!: string;
  @ApiProperty({ enum: URGENCIES }) urgency!: string;
  @ApiProperty({ enum: CONFIDENTIALITIES }) confidentiality!: string;
  @ApiProperty({ enum: ['paper', 'email', 'system', 'edxml'] }) receivedVia!: string;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'thời gian hiệu lực: the last day in force' }) validUntil!: string | null;
  @ApiProperty({ type: Number, nullable: true }) pageCount!: number | null;
  @ApiProperty() scanFileId!: string;
  @ApiProperty({ type: String, nullable: true }) scanImageFileId!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'when its words went to search' }) textExtractedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) originalFileId!: string | null;
  @ApiProperty({ type: String, nullable: true }) registeredBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedTo!: string | null;
  @ApiProperty({ type: String, nullable: true }) instruction!: string | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) resultNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) resultFileId!: string | null;
  @ApiProperty({ type: String, nullable: true }) replyOutgoingId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'delivered inside the installation from this outgoing document' })
  sourceOutgoingId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the intake item (văn bản chờ vào sổ) it was registered from: its files and signature report' })
  intakeItemId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the incoming document that replaces this one (a replacement package from the sender, registered)' })
  replacedById!: string | null;
  @ApiProperty({ type: Date, nullable: true }) replacedAt!: Date | null;
}

export class IncomingListItemDto extends IncomingDto {
  @ApiProperty({ type: [IncomingAssignmentDto] }) assignments!: IncomingAssignmentDto[];
}

export class IncomingTimelineEventDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class IncomingDetailDto extends IncomingListItemDto {
  @ApiProperty({ type: [IncomingTimelineEventDto] }) timeline!: IncomingTimelineEventDto[];
}

export class IncomingPageDto {
  @ApiProperty({ type: [IncomingListItemDto] }) items!: IncomingListItemDto[];
  @ApiProperty({ description: `counted up to LIST_COUNT_CAP` }) total!: number;
  @ApiProperty({ description: 'false: total stopped at the cap' }) totalIsExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Vào sổ: the number given, and what the clerk should look at. */
export class RegistrationDto {
  @ApiProperty() id!: string;
  @ApiProperty() incomingNumber!: number;
  @ApiProperty() year!: number;
  @ApiProperty() registerId!: string;
  @ApiProperty({ enum: Object.values(IncomingStatus) }) status!: string;
  @ApiProperty({ description: 'khẩn or above: route it at once' }) urgent!: boolean;
  @ApiProperty({ description: 'the Idempotency-Key was seen: this is the first registration again' }) replayed!: boolean;
  @ApiProperty({ type: [String] }) likelyDuplicateIds!: string[];
}
