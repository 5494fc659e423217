import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ALL_ROLES, Role } from '@eoffice/accounts';
import { PageQueryDto } from './pagination.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'Nguyễn Văn Bằng' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  fullName!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true, example: ['clerk'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ALL_ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'Văn thư' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  position?: string;
}

export class TransferUserDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ description: 'the position in the new unit; kept when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  position?: string;
}

export class DeactivateUserDto {
  @ApiProperty({ example: 'Nghỉ hưu theo Quyết định số 12/QĐ-SGDĐT' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'name, position, username or unit; diacritics-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class ChangeRolesDto {
  @ApiProperty({ enum: ALL_ROLES, isArray: true, example: ['leader'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ALL_ROLES, { each: true })
  roles!: Role[];
}
