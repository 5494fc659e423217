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
    enum: ['inbox', 'signing', 'acting'],
    default: 'inbox',
    description: "inbox: handle the unit's inbox; signing: ủy quyền ký (TUQ.), of an agency by its head, not re-delegable; "
      + 'acting: an acting appointment (giao quyền cấp trưởng) of an agency, the appointee signs Q. {head\'s title}',
  })
  @IsOptional()
  @IsIn(['inbox', 'signing', 'acting'])
  purpose?: 'inbox' | 'signing' | 'acting';
}
