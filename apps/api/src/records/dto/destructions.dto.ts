import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Danh mục tài liệu hết giá trị: records whose retention ended; none named = every due record of the agency not on hold. */
export class CreateDestructionDto {
  @ApiPropertyOptional({ type: [String], description: 'closed or handed-over records of the agency whose retention ended, on no hold and no other list (1–500); omitted or empty: all due records' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) recordIds?: string[];
  @ApiPropertyOptional({ example: 'Danh mục tài liệu hết giá trị năm 2026' }) @IsOptional() @IsString() @Length(1, 500) title?: string;
}

export class DestructionDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['submitted', 'destroyed'], description: 'destroyed: approved by an agency leader and carried out in the same transaction' }) status!: string;
  @ApiProperty() createdBy!: string;
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
