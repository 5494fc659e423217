import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from './pagination.dto';

export class DirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'nguyen van bang', description: 'words of the name, unit or position; accents and case do not matter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class RequestReportDto {
  @ApiPropertyOptional({ default: 6, minimum: 0, maximum: 60, description: 'unused for at least this many months' })
  // Absent means the default; null is not a number of months (IsOptional would let it through).
  @ValidateIf((_dto, value) => value !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  months?: number;
}
