import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { REPORT_MEDIA_TYPES } from '@eoffice/reports';

/** A column of a table report as JSON: the same headings the XLSX and PDF print. */
export class ReportColumnDto {
  @ApiProperty({ example: 'incomingNumber' }) key!: string;
  @ApiProperty({ example: 'Số đến' }) header!: string;
  @ApiProperty({ enum: ['text', 'number', 'date'] }) kind!: string;
}

/** The cells of a row, keyed by column key: text, a number, or null. */
export const REPORT_ROWS: ApiPropertyOptions = {
  type: 'array',
  items: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true } },
};

/** The media types a report also comes as, besides its JSON (?format= or Accept). */
export const REPORT_FILE_TYPES = [REPORT_MEDIA_TYPES.xlsx, REPORT_MEDIA_TYPES.pdf];
