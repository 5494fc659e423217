import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested,
} from 'class-validator';
import type { Confidentiality, CreateOutgoingInput, DraftLayoutInput, UpdateOutgoingInput, Urgency } from '@eoffice/documents';
import { IsCalendarDate } from '../../http/calendar-date.validator';

export class ExternalRecipientDto {
  @ApiProperty({ example: 'Sở Nội vụ tỉnh Tây Ninh' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'vanphong@snv.tayninh.gov.vn' }) @IsEmail() @Length(3, 200) email!: string;
}

export class PaperRecipientDto {
  @ApiProperty({ example: 'Công an tỉnh Tây Ninh' }) @IsString() @Length(1, 200) name!: string;
}

export class AgencyRecipientDto {
  @ApiProperty({ example: '000.00.01.H30', description: 'OrganId of an active agency of the directory' }) @IsString() @Length(13, 13) organId!: string;
}

export class RecipientsDto {
  @ApiProperty({ type: [String], description: 'agencies of this installation' })
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) unitIds: string[] = [];

  @ApiProperty({ type: [ExternalRecipientDto] })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ExternalRecipientDto) external: ExternalRecipientDto[] = [];

  @ApiPropertyOptional({ type: [PaperRecipientDto], description: 'sent the paper copy by post or by hand; the only way out for a mật document' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PaperRecipientDto) paper?: PaperRecipientDto[];

  @ApiPropertyOptional({ type: [AgencyRecipientDto], description: 'agencies of the directory, sent an edXML package' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => AgencyRecipientDto) agencies?: AgencyRecipientDto[];
}

export class BoxDto {
  @ApiPropertyOptional({ description: 'page index from 0' }) @IsOptional() @IsInt() @Min(0) @Max(9999) page?: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(5000) x!: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(5000) y!: number;
  @ApiProperty() @IsNumber() @Min(10) @Max(2000) width!: number;
  @ApiProperty() @IsNumber() @Min(8) @Max(2000) height!: number;
}

export class DraftLayoutDto implements DraftLayoutInput {
  @ApiProperty({ type: BoxDto, description: 'box 3, "Số: …"' }) @ValidateNested() @Type(() => BoxDto) documentNumber!: BoxDto;
  @ApiProperty({ type: BoxDto, description: 'box 4, place and date' }) @ValidateNested() @Type(() => BoxDto) issueDateLine!: BoxDto;
  @ApiProperty({ type: BoxDto, description: 'box 7c, on the last page unless page is given' })
  @ValidateNested() @Type(() => BoxDto) leaderSignature!: BoxDto;
}

/** `metadata` of POST /outgoing (the API contract). */
export class CreateOutgoingDto implements CreateOutgoingInput {
  @ApiProperty({ example: 'Quyết định', description: 'Decree 30 type, by name or abbreviation (QĐ); công văn has none' })
  @IsString() @Length(1, 100) documentType!: string;

  @ApiProperty({ description: 'trích yếu' }) @IsString() @Length(1, 1000) subject!: string;

  @ApiProperty({ type: RecipientsDto }) @ValidateNested() @Type(() => RecipientsDto) recipients!: RecipientsDto;

  @ApiProperty({ enum: ['normal', 'urgent', 'very_urgent', 'flash'] })
  @IsIn(['normal', 'urgent', 'very_urgent', 'flash']) urgency!: Urgency;

  @ApiProperty({ enum: ['normal', 'confidential', 'secret', 'top_secret'] })
  @IsIn(['normal', 'confidential', 'secret', 'top_secret']) confidentiality!: Confidentiality;

  @ApiProperty({ description: 'the leader who signs' }) @IsUUID() signerId!: string;

  @ApiPropertyOptional({ example: 'KT. GIÁM ĐỐC' }) @IsOptional() @IsString() @Length(1, 100) signingTitle?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() replyToIncomingId?: string;

  @ApiPropertyOptional({ description: 'the incoming item\'s lead asks that dispatching this reply closes it' })
  @IsOptional() @IsBoolean() closesIncoming?: boolean;

  @ApiPropertyOptional({ description: 'the issued document this one corrects or replaces' }) @IsOptional() @IsUUID() replacesId?: string;

  @ApiPropertyOptional({ type: DraftLayoutDto, description: 'default: the Decree 30 A4 template' })
  @IsOptional() @ValidateNested() @Type(() => DraftLayoutDto) layout?: DraftLayoutDto;

  @ApiPropertyOptional({
    example: '2027-12-31',
    description: 'thời gian hiệu lực: the last day the document is in force, when it sets one; not before today (the earliest it can be issued); the drafter and the clerks are reminded before it ends',
  })
  @IsOptional() @IsCalendarDate() validUntil?: string;
}

/** PATCH /outgoing/:id: the author changes a draft's fields (its file goes through POST /outgoing/:id/versions). */
export class UpdateOutgoingDto implements UpdateOutgoingInput {
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-12-31', description: 'thời gian hiệu lực; null takes it away' })
  @IsOptional() @IsCalendarDate() validUntil?: string | null;
}
