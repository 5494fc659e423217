import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

/** From the approved file list (`entryId`), or off it (notation, title, retention). */
export class OpenRecordDto {
  @ApiPropertyOptional({ description: 'the file list line the record is opened from' }) @IsOptional() @IsUUID() entryId?: string;
  @ApiPropertyOptional({ example: '15.GDTRH' }) @IsOptional() @IsString() @Length(1, 30) notation?: string;
  @ApiPropertyOptional({ example: 'Hồ sơ công nhận học sinh giỏi' }) @IsOptional() @IsString() @Length(1, 500) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() permanent?: boolean;
  @ApiPropertyOptional({ example: 10 }) @IsOptional() @IsInt() @Min(1) @Max(100) retentionYears?: number;
  @ApiPropertyOptional({ example: 'Báo cáo quý', description: 'kind of document (loại tài liệu): with no permanent/retentionYears, its retention comes from the retention schedule (GET /file-lists/retention-schedule); neither: the schedule default' })
  @IsOptional() @IsString() @Length(1, 100) documentType?: string;
  @ApiPropertyOptional({ description: 'default: the opener’s unit' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'default: this year (Vietnam)' }) @IsOptional() @IsInt() @Min(2000) @Max(2200) year?: number;
  @ApiPropertyOptional({ enum: ['public', 'restricted'], description: 'chế độ sử dụng' }) @IsOptional() @IsIn(['public', 'restricted']) rights?: 'public' | 'restricted';
  @ApiPropertyOptional({ example: 'vi' }) @IsOptional() @IsString() @Length(2, 10) language?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @ApiPropertyOptional({ default: false, description: 'file the outgoing documents’ drafts (every version) with them, into the export and the hand-over package' })
  @IsOptional() @IsBoolean() includeDrafts?: boolean;
}

export class RecordDraftsDto {
  @ApiProperty({ description: 'file the outgoing documents’ drafts (dự thảo, every version) with them' }) @IsBoolean() includeDrafts!: boolean;
}

export class ListRecordsQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2200) year?: number;
  @ApiPropertyOptional({ enum: ['open', 'closed', 'handed_over', 'destroyed'] }) @IsOptional() @IsIn(['open', 'closed', 'handed_over', 'destroyed']) status?: 'open' | 'closed' | 'handed_over' | 'destroyed';
  @ApiPropertyOptional({ description: 'only records I own' }) @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() mine?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

export class FileDocumentDto {
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) @IsIn(['incoming', 'outgoing']) kind!: 'incoming' | 'outgoing';
  @ApiProperty() @IsUUID() documentId!: string;
}

export class ReopenRecordDto {
  @ApiProperty({ example: 'Bổ sung văn bản trả lời của Sở Tài chính' }) @IsString() @Length(1, 2000) reason!: string;
}

export class ExportRecordQueryDto {
  @ApiPropertyOptional({ enum: ['pdf', 'json', 'xml'], default: 'pdf' }) @IsOptional() @IsIn(['pdf', 'json', 'xml']) format: 'pdf' | 'json' | 'xml' = 'pdf';
}

export class RecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: 'SGDĐT.2026.01.VP', description: 'mã hồ sơ' }) fileCode!: string;
  @ApiProperty() notation!: string;
  @ApiProperty() title!: string;
  @ApiProperty() permanent!: boolean;
  @ApiProperty({ nullable: true, type: Number }) retentionYears!: number | null;
  @ApiProperty({ example: 'Vĩnh viễn' }) retention!: string;
  @ApiProperty({ enum: ['public', 'restricted'] }) rights!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ description: 'the outgoing documents’ drafts go into the export and the package' }) includeDrafts!: boolean;
  @ApiProperty() unitId!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ nullable: true, type: String }) fileListEntryId!: string | null;
  @ApiProperty({ enum: ['open', 'closed', 'handed_over', 'destroyed'] }) status!: string;
  @ApiProperty() documentCount!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-01' }) startDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) closedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2036-03-01', description: 'end date + retention years (hết thời hạn bảo quản); null when permanent or empty' }) retentionEnd!: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'tiêu hủy: set when destroyed' }) destroyedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

export class RecordPageDto {
  @ApiProperty({ type: [RecordDto] }) items!: RecordDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class FiledDocumentSummaryDto {
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() documentType!: string;
  @ApiProperty({ nullable: true, type: String }) numberSymbol!: string | null;
  @ApiProperty({ example: '2026-11-20' }) documentDate!: string;
  @ApiProperty({ nullable: true, type: String }) issuingAuthority!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() confidentiality!: string;
  @ApiProperty() status!: string;
}

export class FiledDocumentDto extends FiledDocumentSummaryDto {
  @ApiProperty({ description: 'DocOrdinal: order in the record' }) docOrdinal!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty() filedBy!: string;
  @ApiProperty() filedAt!: Date;
}

export class RecordDetailDto extends RecordDto {
  @ApiProperty({ type: [FiledDocumentDto], description: 'the documents the caller may see, in order' }) documents!: FiledDocumentDto[];
  @ApiProperty({ description: 'documents in the record the caller may not see (counted, never named)' }) hiddenDocuments!: number;
}

export class FilingDto {
  @ApiProperty() recordId!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) kind!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty() docOrdinal!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty() filedAt!: Date;
}

export class ToFileItemDto extends FiledDocumentSummaryDto {
  @ApiProperty({ description: 'when it was closed (incoming) or issued (outgoing)' }) finishedAt!: Date;
}

export class ToFileListDto {
  @ApiProperty({ type: [ToFileItemDto] }) items!: ToFileItemDto[];
}
