import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Urgency } from '@eoffice/documents';
import { STATS_FIGURES, type StatsFigure } from '@eoffice/statistics';
import { REPORT_FORMATS, type ReportFormat } from '@eoffice/reports';
import { MAX_PAGE } from '../../http/pagination';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** Whose figures: the caller's default, a unit (with or without the units below), or a person. */
class StatsSubjectDto {
  @ApiPropertyOptional({ description: 'a unit or an agency inside your reach (default: your agency, your unit, or yourself)' })
  @IsOptional() @IsUUID() unitId?: string;

  @ApiPropertyOptional({ description: 'with the units below unitId', default: true })
  @IsOptional() @Transform(bool) @IsBoolean() includeSubunits?: boolean;

  @ApiPropertyOptional({ description: "one person's figures (officers: only their own)" })
  @IsOptional() @IsUUID() personId?: string;
}

class ReportFormatDto extends StatsSubjectDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'wins over the Accept header' })
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

export class WeeklyStatsQueryDto extends ReportFormatDto {
  @ApiProperty({ description: 'ISO week (Monday–Sunday, Vietnam time)', example: '2026-W47' })
  @IsString() @Length(1, 10) week!: string;
}

export class MonthlyStatsQueryDto extends ReportFormatDto {
  @ApiProperty({ description: 'calendar month', example: '2026-11' })
  @IsString() @Length(1, 10) month!: string;
}

class DrilldownDto extends StatsSubjectDto {
  @ApiProperty({ enum: STATS_FIGURES, description: 'the figure whose documents to list' })
  @IsIn(STATS_FIGURES) figure!: StatsFigure;

  @ApiPropertyOptional({ description: 'incoming figures: comma-separated urgencies' })
  @IsOptional() @Transform(list) @IsIn(['normal', 'urgent', 'very_urgent', 'flash'], { each: true }) urgency?: Urgency[];

  @ApiPropertyOptional({ description: 'only this document type (e.g. a line of the outgoing table by type)' })
  @IsOptional() @IsString() @Length(1, 100) documentType?: string;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

export class WeeklyDrilldownDto extends DrilldownDto {
  @ApiProperty({ example: '2026-W47' }) @IsString() @Length(1, 10) week!: string;
}

export class MonthlyDrilldownDto extends DrilldownDto {
  @ApiProperty({ example: '2026-11' }) @IsString() @Length(1, 10) month!: string;
}
