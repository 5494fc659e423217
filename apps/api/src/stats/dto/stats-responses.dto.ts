import { ApiProperty } from '@nestjs/swagger';
import { REPORT_ROWS, ReportColumnDto } from '../../http/report.dto';

const FIGURES = { type: 'object', additionalProperties: true } as const;

export class NamedRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class PersonRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
}

/** Whose figures: an agency's, a unit's (optionally with the units below) or one person's. */
export class StatsScopeDto {
  @ApiProperty({ enum: ['agency', 'unit', 'person'] }) kind!: string;
  @ApiProperty({ type: NamedRefDto }) agency!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true }) unit!: NamedRefDto | null;
  @ApiProperty() includeSubunits!: boolean;
  @ApiProperty({ type: PersonRefDto, nullable: true }) person!: PersonRefDto | null;
}

export class PeriodDto {
  @ApiProperty({ enum: ['week', 'month'] }) kind!: string;
  @ApiProperty({ example: '2026-W47' }) key!: string;
  @ApiProperty({ format: 'date' }) firstDay!: string;
  @ApiProperty({ format: 'date' }) lastDay!: string;
  @ApiProperty({ description: "figures taken at this instant: the period's end, or now while it runs" }) asOf!: Date;
  @ApiProperty() complete!: boolean;
}

export class StatsDefinitionsDto {
  @ApiProperty() dueSoonWorkingDays!: number;
  @ApiProperty() overdue!: string;
  @ApiProperty() handlingDays!: string;
}

/** One period's figures: incoming counts, handling days, urgent routing, outgoing counts (docs/statistics.md). */
export class PeriodFiguresDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty(FIGURES) incoming!: object;
  @ApiProperty(FIGURES) outgoing!: object;
}

/** One period of the trend: what the trend follows (docs/statistics.md). */
export class TrendPointDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty() received!: number;
  @ApiProperty() closedOnTime!: number;
  @ApiProperty() closedLate!: number;
  @ApiProperty() openOverdue!: number;
  @ApiProperty() outgoingIssued!: number;
}

/** One lead unit's figures (unitId null: not assigned yet). */
export class UnitLineDto {
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  @ApiProperty() received!: number;
  @ApiProperty() closedOnTime!: number;
  @ApiProperty() closedLate!: number;
  @ApiProperty() openOverdue!: number;
  @ApiProperty() openDueSoon!: number;
}

export class StatsDto {
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: StatsDefinitionsDto }) definitions!: StatsDefinitionsDto;
  @ApiProperty({ type: PeriodFiguresDto }) current!: PeriodFiguresDto;
  @ApiProperty({ type: PeriodFiguresDto }) previous!: PeriodFiguresDto;
  @ApiProperty({ type: [UnitLineDto] }) byUnit!: UnitLineDto[];
  @ApiProperty({ type: [TrendPointDto] }) trend!: TrendPointDto[];
}

/** The documents behind one figure; a mật document the reader is not named on shows only its number. */
export class DrilldownDto {
  @ApiProperty() figure!: string;
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: 'array', items: FIGURES, description: "kind 'incoming' or 'outgoing'; redacted: true for a hidden mật document" })
  items!: Record<string, unknown>[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Sổ theo dõi giải quyết văn bản đến as data. */
export class TrackingBookDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: StatsScopeDto }) scope!: StatsScopeDto;
  @ApiProperty({ type: [String] }) title!: string[];
  @ApiProperty({ type: [String] }) subtitle!: string[];
  @ApiProperty({ type: [ReportColumnDto] }) columns!: ReportColumnDto[];
  @ApiProperty(REPORT_ROWS) rows!: Record<string, string | number | null>[];
}
