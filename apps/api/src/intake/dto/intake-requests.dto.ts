import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { INTAKE_STATES } from '@eoffice/documents';
import type { Confidentiality, IntakeState, ListIntakeInput, RegisterIntakeInput, Urgency } from '@eoffice/documents';
import { IsCalendarDate } from '../../http/calendar-date.validator';
import { MAX_PAGE } from '../../http/pagination';

export class ListIntakeDto implements ListIntakeInput {
  @ApiPropertyOptional({ enum: INTAKE_STATES }) @IsOptional() @IsIn(INTAKE_STATES) state?: IntakeState;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** POST /intake/:id/register: what the clerk accepts or corrects of the proposal; omitted fields take the proposal's value. */
export class RegisterIntakeDto implements RegisterIntakeInput {
  @ApiPropertyOptional({ example: '125/SGDĐT-VP' }) @IsOptional() @IsString() @Length(1, 50) sourceNumberSymbol?: string;
  @ApiPropertyOptional({ example: '2026-11-20' }) @IsOptional() @IsCalendarDate() sourceDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) issuingAuthority?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) documentType?: string;
  @ApiPropertyOptional({ description: 'trích yếu' }) @IsOptional() @IsString() @Length(1, 1000) subject?: string;
  @ApiPropertyOptional({ enum: ['normal', 'urgent', 'very_urgent', 'flash'] })
  @IsOptional() @IsIn(['normal', 'urgent', 'very_urgent', 'flash']) urgency?: Urgency;
  @ApiPropertyOptional({ enum: ['normal', 'confidential', 'secret', 'top_secret'] })
  @IsOptional() @IsIn(['normal', 'confidential', 'secret', 'top_secret']) confidentiality?: Confidentiality;
  @ApiPropertyOptional({ description: 'incoming register; default: the agency register matching the confidentiality' })
  @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() dueDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(365) dueInWorkingDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10000) pageCount?: number;
  @ApiPropertyOptional({ description: 'thời gian hiệu lực: the last day the document is in force, when it sets one' })
  @IsOptional() @IsCalendarDate() validUntil?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() convertLegacyText?: boolean;
  @ApiPropertyOptional({ description: 'which of the item’s PDFs is the document; default: the first' }) @IsOptional() @IsUUID() fileId?: string;
}

/** The reason is required to return (checked by the service: INTAKE_REASON_REQUIRED), optional to discard. */
export class IntakeReasonDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) reason?: string;
}
