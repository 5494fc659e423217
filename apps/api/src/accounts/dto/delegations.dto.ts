import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../http/calendar-date.validator';

export class CreateDelegationDto {
  @ApiProperty({ format: 'uuid', description: 'a member of the unit' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '2026-03-02', description: 'first day, inclusive (Vietnam time)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-03-06', description: 'last day, inclusive' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ example: 'Trưởng phòng đi công tác' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({
    enum: ['inbox', 'signing'],
    default: 'inbox',
    description: "inbox: handle the unit's inbox; signing: ủy quyền ký (TUQ.), of an agency by its head, not re-delegable",
  })
  @IsOptional()
  @IsIn(['inbox', 'signing'])
  purpose?: 'inbox' | 'signing';
}
