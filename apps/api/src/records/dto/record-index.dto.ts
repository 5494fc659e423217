import { ApiProperty } from '@nestjs/swagger';

/** The record's Circular 02/2019 fields as the export index carries them. */
export class RecordIndexFileDto {
  @ApiProperty() fileCode!: string;
  @ApiProperty() organName!: string;
  @ApiProperty() organCode!: string;
  @ApiProperty({ description: 'year of the file list' }) fileCatalog!: number;
  @ApiProperty() fileNotation!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '10 năm' }) maintenance!: string;
  @ApiProperty() permanent!: boolean;
  @ApiProperty({ nullable: true, type: Number }) retentionYears!: number | null;
  @ApiProperty() rights!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ nullable: true, type: String }) startDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty() docTotal!: number;
  @ApiProperty() pageTotal!: number;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ description: 'the outgoing documents’ drafts are filed with them' }) includeDrafts!: boolean;
}

/** One file of a filed document in the export (an attachment) and the package (`data/documents/`), byte for byte. */
export class RecordIndexDocumentFileDto {
  @ApiProperty({ enum: ['document', 'original', 'result', 'appendix', 'draft', 'draft-pdf'] }) role!: string;
  @ApiProperty({ example: '0002-van-ban-di.phu-luc-01.pdf' }) fileName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the appendix’s title' }) title!: string | null;
  @ApiProperty() mimeType!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() fileId!: string;
}

export class RecordIndexDocumentDto {
  @ApiProperty() docOrdinal!: number;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) kind!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty() typeName!: string;
  @ApiProperty({ nullable: true, type: String }) numberSymbol!: string | null;
  @ApiProperty() issuedDate!: string;
  @ApiProperty() organName!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() language!: string;
  @ApiProperty() pageAmount!: number;
  @ApiProperty() confidentiality!: string;
  @ApiProperty({ description: 'name of the original attached to the export PDF' }) fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the stored PDF (the attachment is byte for byte the same)' }) sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: [RecordIndexDocumentFileDto], description: 'its PDF first, then its original, result file, appendices and (when the record asks) drafts' })
  files!: RecordIndexDocumentFileDto[];
}

export class RecordIndexDto {
  @ApiProperty({ example: 'eoffice-record-index/1' }) schema!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: RecordIndexFileDto }) record!: RecordIndexFileDto;
  @ApiProperty({ type: [RecordIndexDocumentDto] }) documents!: RecordIndexDocumentDto[];
}
