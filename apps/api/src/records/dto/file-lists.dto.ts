import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class CreateFileListDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2200) year!: number;
  @ApiProperty({ example: 'Danh mục hồ sơ năm 2026 của Sở Giáo dục và Đào tạo' }) @IsString() @Length(1, 500) title!: string;
}

/** A line of the list; or `recordId` alone, to add a record an officer opened off the list. */
export class AddFileListEntryDto {
  @ApiPropertyOptional({ example: '01.VP', description: 'ký hiệu hồ sơ: letters and digits joined by . - /' }) @IsOptional() @IsString() @Length(1, 30) notation?: string;
  @ApiPropertyOptional({ example: 'Hồ sơ tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh' }) @IsOptional() @IsString() @Length(1, 500) title?: string;
  @ApiPropertyOptional({ description: 'kept permanently (vĩnh viễn); else retentionYears' }) @IsOptional() @IsBoolean() permanent?: boolean;
  @ApiPropertyOptional({ example: 10, description: 'thời hạn bảo quản in years, 1–100' }) @IsOptional() @IsInt() @Min(1) @Max(100) retentionYears?: number;
  @ApiPropertyOptional({ example: 'Báo cáo quý', description: 'kind of document (loại tài liệu): with no permanent/retentionYears, its retention comes from the retention schedule (GET /file-lists/retention-schedule); neither: the schedule default' })
  @IsOptional() @IsString() @Length(1, 100) documentType?: string;
  @ApiPropertyOptional({ description: 'unit in charge (đơn vị lập hồ sơ)' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'person in charge (người lập hồ sơ)' }) @IsOptional() @IsUUID() personInChargeId?: string;
  @ApiPropertyOptional({ description: 'a record opened off the list: the entry is made from it' }) @IsOptional() @IsUUID() recordId?: string;
}

export class FileListDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'approved'] }) status!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) approvedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

export class FileListEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() fileListId!: string;
  @ApiProperty() notation!: string;
  @ApiProperty() title!: string;
  @ApiProperty() permanent!: boolean;
  @ApiProperty({ nullable: true, type: Number }) retentionYears!: number | null;
  @ApiProperty({ example: '10 năm' }) retention!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ nullable: true, type: String }) personInChargeId!: string | null;
  @ApiProperty({ description: 'added by the clerk after approval (a record opened off the list)' }) addedAfterApproval!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the record opened from it, if any' }) recordId!: string | null;
}

export class FileListDetailDto extends FileListDto {
  @ApiProperty({ type: [FileListEntryDto] }) entries!: FileListEntryDto[];
}

/** A kind of document (loại tài liệu) and its default retention. */
export class RetentionScheduleLineDto {
  @ApiProperty({ example: 'Báo cáo quý' }) documentType!: string;
  @ApiProperty() permanent!: boolean;
  @ApiProperty({ nullable: true, type: Number, example: 5 }) retentionYears!: number | null;
  @ApiProperty({ example: '5 năm' }) retention!: string;
}

/** The retention used when a file list line or a record gives none: by kind of document, else `fallback`. */
export class RetentionScheduleDto {
  @ApiProperty({ type: RetentionScheduleLineDto, description: 'for a line or record naming no kind of document (documentType "")' }) fallback!: RetentionScheduleLineDto;
  @ApiProperty({ type: [RetentionScheduleLineDto] }) types!: RetentionScheduleLineDto[];
}
