import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../http/calendar-date.validator';

export class SubmitIncomingDto {
  @ApiProperty() @IsUUID() leaderId!: string;
}

export class AssignmentTargetDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}

export class AssignIncomingDto {
  @ApiProperty({ type: AssignmentTargetDto, description: 'chủ trì: a person or a unit' })
  @ValidateNested() @Type(() => AssignmentTargetDto) lead!: AssignmentTargetDto;

  @ApiProperty({ type: [AssignmentTargetDto], description: 'phối hợp' })
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AssignmentTargetDto) coordinators: AssignmentTargetDto[] = [];

  @ApiProperty({ type: [AssignmentTargetDto], description: 'để biết' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => AssignmentTargetDto) informed: AssignmentTargetDto[] = [];

  @ApiPropertyOptional({ example: '2026-12-05' })
  @IsOptional() @IsCalendarDate() dueDate?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(365) dueInWorkingDays?: number;

  @ApiPropertyOptional({ description: 'ý kiến chỉ đạo' }) @IsOptional() @IsString() @Length(1, 2000) instruction?: string;
}

export class ProgressDto {
  @ApiProperty() @IsString() @Length(1, 2000) note!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100) percent?: number;
}

export class ReasonDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

/** The `result` part of a multipart close, or the whole JSON body of a close by reply. */
export class CloseIncomingDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() replyOutgoingId?: string;
}
