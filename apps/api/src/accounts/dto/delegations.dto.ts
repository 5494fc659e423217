import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateDelegationDto {
  @ApiProperty({ format: 'uuid', description: 'a member of the unit' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '2026-03-02', description: 'first day, inclusive (Vietnam time)' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-03-06', description: 'last day, inclusive' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ example: 'Trưởng phòng đi công tác' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
