import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import type { UnitKind } from '@eoffice/accounts';

export class CreateUnitDto {
  @ApiProperty({ example: 'GDTRH', description: 'letters (Vietnamese too), digits, . _ -; the unit mailbox is derived from it' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  code!: string;

  @ApiProperty({ example: 'Phòng Giáo dục Trung học' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['agency', 'department'] })
  @IsIn(['agency', 'department'])
  kind!: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for a department; an attached agency names its parent agency' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ example: 'Tây Ninh', description: 'địa danh of an agency, written in the date line of its documents' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  placeName?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'SGDĐT' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  code?: string;

  @ApiPropertyOptional({ example: 'Sở Giáo dục và Đào tạo' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Tây Ninh', description: 'địa danh of an agency, written in the date line of its documents' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  placeName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '000.00.12.H30', description: 'OrganId of an agency for document exchange (DDD.CC.BB.Xnn); null clears' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  organId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'agency code of the 2020 coding rules; null clears' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  agencyCode?: string | null;

  @ApiPropertyOptional({
    type: String, nullable: true, example: 'Ủy ban nhân dân',
    description: 'an agency led by a collective body (tập thể lãnh đạo): its name, printed in capitals after TM. ("TM. ỦY BAN NHÂN DÂN"); null clears',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  collectiveBody?: string | null;
}

export class SetHeadDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null leaves the post empty' })
  @IsDefined()
  @ValidateIf((dto: SetHeadDto) => dto.userId !== null)
  @IsUUID()
  userId!: string | null;
}
