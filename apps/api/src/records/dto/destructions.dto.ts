import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Danh mục tài liệu hết giá trị: records whose retention ended; none named = every due record of the agency not on hold. */
export class CreateDestructionDto {
  @ApiPropertyOptional({ type: [String], description: 'closed or handed-over records of the agency whose retention ended, on no hold and no other list (1–500); omitted or empty: all due records' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) recordIds?: string[];
  @ApiPropertyOptional({ example: 'Danh mục tài liệu hết giá trị năm 2026' }) @IsOptional() @IsString() @Length(1, 500) title?: string;
}

/** Trình duyệt a proposed (draft) list: all its records, or only these. */
export class SubmitDestructionDto {
  @ApiPropertyOptional({ type: [String], description: 'records of the list to keep (1–500); omitted or empty: all of them. The others leave the list.' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) recordIds?: string[];
}

export class DestructionDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'destroyed'], description: 'draft: proposed by the daily records scan, for the clerk to submit; destroyed: approved by an agency leader and carried out in the same transaction' }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: proposed by the records scan' }) createdBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) approvedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

export class DestructionRecordDto {
  @ApiProperty({ description: 'STT on the list' }) ordinal!: number;
  @ApiProperty() recordId!: string;
  @ApiProperty() fileCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'closed', 'handed_over', 'destroyed'] }) recordStatus!: string;
  @ApiProperty({ nullable: true, type: String }) retentionEnd!: string | null;
}

/** What is left of a destroyed record: what, when, by whose decision, how many bytes' keys went. */
export class TombstoneDto {
  @ApiProperty() recordId!: string;
  @ApiProperty() fileCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty() destroyedAt!: Date;
  @ApiProperty() documents!: number;
  @ApiProperty({ description: 'stored files whose bytes were removed (content shared with a live file is kept)' }) filesRemoved!: number;
}

export class DestructionDetailDto extends DestructionDto {
  @ApiProperty({ type: [DestructionRecordDto] }) records!: DestructionRecordDto[];
  @ApiProperty({ type: [TombstoneDto] }) tombstones!: TombstoneDto[];
}
