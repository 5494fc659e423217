import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REGISTER_YEARS } from '@eoffice/documents';
import { REPORT_FORMATS, type ReportFormat } from '@eoffice/reports';
import { IsCalendarDate } from '../../http/calendar-date.validator';

export class RegisterBookQueryDto {
  @ApiPropertyOptional({ description: 'calendar year of the numbers (default: this year in Vietnam)', example: 2026 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(REGISTER_YEARS.min) @Max(REGISTER_YEARS.max) year?: number;

  @ApiPropertyOptional({ description: 'first day (Ngày đến), inside the year', example: '2026-01-01' })
  @IsOptional() @IsCalendarDate() from?: string;

  @ApiPropertyOptional({ description: 'last day, inclusive, inside the year', example: '2026-03-31' })
  @IsOptional() @IsCalendarDate() to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'wins over the Accept header' })
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}
