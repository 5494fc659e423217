import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IncomingStatus } from '@eoffice/documents';
import type { IncomingFilter, Urgency } from '@eoffice/documents';
import { IsCalendarDate } from '../../http/calendar-date.validator';
import { MAX_PAGE } from '../../http/pagination';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const STATUSES: string[] = Object.values(IncomingStatus);

export class ListIncomingDto {
  @ApiPropertyOptional({ description: 'comma-separated statuses' })
  @IsOptional() @Transform(list) @IsIn(STATUSES, { each: true }) status?: IncomingStatus[];

  @ApiPropertyOptional({ description: 'full-text search, with or without diacritics' })
  @IsOptional() @IsString() @Length(2, 200) q?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean() overdue?: boolean;

  @ApiPropertyOptional({ description: 'open items due within this many days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(365) dueWithinDays?: number;

  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(list) @IsIn(['normal', 'urgent', 'very_urgent', 'flash'], { each: true }) urgency?: Urgency[];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) documentType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) issuingAuthority?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeUserId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() registerId?: string;

  @ApiPropertyOptional({ enum: ['receivedAt', 'incomingNumber', 'dueDate'] })
  @IsOptional() @IsIn(['receivedAt', 'incomingNumber', 'dueDate']) sort?: IncomingFilter['sort'];

  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}
