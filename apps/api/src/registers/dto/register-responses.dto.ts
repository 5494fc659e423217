import { ApiProperty } from '@nestjs/swagger';
import { REPORT_ROWS, ReportColumnDto } from '../../http/report.dto';

/** Sổ văn bản: one number series per agency, kind and year. */
export class RegisterDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) kind!: string;
  @ApiProperty({ example: 'DEN' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the series of mật documents' }) confidential!: boolean;
  @ApiProperty() active!: boolean;
}

/** The register book as data: the same title, columns and rows the XLSX and PDF show. */
export class RegisterBookDto {
  @ApiProperty({ type: RegisterDto }) register!: Omit<RegisterDto, 'active'>;
  @ApiProperty() agencyName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) from!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to!: string | null;
  @ApiProperty({ type: [String] }) title!: string[];
  @ApiProperty({ type: [String] }) subtitle!: string[];
  @ApiProperty({ type: [ReportColumnDto] }) columns!: ReportColumnDto[];
  @ApiProperty(REPORT_ROWS) rows!: Record<string, string | number | null>[];
}
