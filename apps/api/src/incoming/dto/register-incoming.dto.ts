import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Confidentiality, ReceivedVia, RegisterIncomingInput, Urgency } from '@eoffice/documents';
import { IsCalendarDate, IsCalendarInstant } from '../../http/calendar-date.validator';

/** `metadata` of POST /incoming (the API contract). */
export class RegisterIncomingDto implements RegisterIncomingInput {
  @ApiPropertyOptional({ description: 'incoming register; default: the agency register matching the confidentiality' })
  @IsOptional() @IsUUID() registerId?: string;

  @ApiProperty({ example: '125/SGDĐT-VP', description: 'số, ký hiệu of the sender' })
  @IsString() @Length(1, 50) sourceNumberSymbol!: string;

  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate() sourceDate!: string;

  @ApiProperty({ example: 'UBND tỉnh Tây Ninh' }) @IsString() @Length(1, 200) issuingAuthority!: string;

  @ApiProperty({ example: 'Công văn' }) @IsString() @Length(1, 100) documentType!: string;

  @ApiProperty({ description: 'trích yếu' }) @IsString() @Length(1, 1000) subject!: string;

  @ApiProperty({ enum: ['normal', 'urgent', 'very_urgent', 'flash'] })
  @IsIn(['normal', 'urgent', 'very_urgent', 'flash']) urgency!: Urgency;

  @ApiProperty({ enum: ['normal', 'confidential', 'secret', 'top_secret'] })
  @IsIn(['normal', 'confidential', 'secret', 'top_secret']) confidentiality!: Confidentiality;

  @ApiProperty({ enum: ['paper', 'email', 'system', 'edxml'] })
  @IsIn(['paper', 'email', 'system', 'edxml']) receivedVia!: ReceivedVia;

  @ApiPropertyOptional({ example: '2026-11-24T08:30:00+07:00' }) @IsOptional() @IsCalendarInstant() receivedAt?: string;

  @ApiPropertyOptional({ example: '2026-12-05' }) @IsOptional() @IsCalendarDate() dueDate?: string;

  @ApiPropertyOptional({ description: 'deadline as working days from receipt' })
  @IsOptional() @IsInt() @Min(0) @Max(365) dueInWorkingDays?: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10000) pageCount?: number;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'thời gian hiệu lực: the last day the document is in force, when it sets one; its handlers are reminded before' })
  @IsOptional() @IsCalendarDate() validUntil?: string;

  @ApiPropertyOptional({ description: 'convert TCVN3/VNI-encoded text to Unicode instead of refusing it' })
  @IsOptional() @IsBoolean() convertLegacyText?: boolean;

  @ApiPropertyOptional({ description: 'instead of a `scan` part: the PDF of your POST /scans job (its result.fileId) or a PDF you uploaded' })
  @IsOptional() @IsUUID() scanFileId?: string;
}
