import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Danh mục hồ sơ nộp lưu: closed records of the agency for its archive. */
export class CreateHandoverDto {
  @ApiProperty({ type: [String], description: 'closed records of the agency, on no other list (1–500)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) recordIds!: string[];
  @ApiPropertyOptional({ example: 'Danh mục hồ sơ nộp lưu năm 2026' }) @IsOptional() @IsString() @Length(1, 500) title?: string;
}

export class HandoverDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['submitted', 'approved', 'packaged'], description: 'approved: records handed over; packaged: every BagIt package written' }) status!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ nullable: true, type: String }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: Date }) approvedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) packagedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

/** One record of the list and, once written, its package. */
export class HandoverRecordDto {
  @ApiProperty({ description: 'STT on the list' }) ordinal!: number;
  @ApiProperty() recordId!: string;
  @ApiProperty() fileCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'closed', 'handed_over', 'destroyed'] }) recordStatus!: string;
  @ApiProperty() documentCount!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty({ nullable: true, type: String, description: 'the BagIt directory, relative to HANDOVER_DIR' }) packagePath!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'bytes under data/' }) payloadBytes!: number | null;
  @ApiProperty({ nullable: true, type: Number }) payloadFiles!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Payload-Oxum: octets.files' }) payloadOxum!: string | null;
  @ApiProperty({ nullable: true, type: Date }) packagedAt!: Date | null;
}

export class HandoverDetailDto extends HandoverDto {
  @ApiProperty({ type: [HandoverRecordDto] }) records!: HandoverRecordDto[];
}
