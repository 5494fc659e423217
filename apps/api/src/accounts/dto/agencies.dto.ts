import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { EXCHANGE_ENDPOINT_KINDS } from '@eoffice/accounts';
import { PageQueryDto } from './pagination.dto';

export class AgencyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'so y te tay ninh', description: 'words of the name or codes; accents and case do not matter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'only agencies documents can be exchanged with (an endpoint is known)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  exchange?: boolean;

  @ApiPropertyOptional({ description: 'active (default: all)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

/** Field checks beyond type and length (code shapes, e-mail, endpoint) are the service's, shared with the CSV import. */
class AgencyFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '000.00.04.G14', description: 'OrganId DDD.CC.BB.Xnn' })
  @IsOptional() @IsString() @MaxLength(20) organId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'G14.04', description: 'agency code of the 2020 coding rules' })
  @IsOptional() @IsString() @MaxLength(40) agencyCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(250) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(20) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(20) fax?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100) website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: EXCHANGE_ENDPOINT_KINDS })
  @IsOptional() @IsIn([...EXCHANGE_ENDPOINT_KINDS, null]) endpointKind?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'HTTPS address of another installation, or the e-mail address' })
  @IsOptional() @IsString() @MaxLength(500) endpointUrl?: string | null;
}

export class CreateAgencyDto extends AgencyFieldsDto {
  @ApiProperty({ example: 'Sở Y tế tỉnh Tây Ninh' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
}

export class UpdateAgencyDto extends AgencyFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'false hides it from new recipients; its history stays' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class AgencyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) organId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'OrganId of the agency one level up (derived)' }) parentOrganId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) fax!: string | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: EXCHANGE_ENDPOINT_KINDS }) endpointKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) endpointUrl!: string | null;
  @ApiProperty({ enum: ['manual', 'import', 'sync'] }) source!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() updatedAt!: string;
}

export class AgencyPageDto {
  @ApiProperty({ type: [AgencyDto] }) items!: AgencyDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AgencyImportResultDto {
  @ApiProperty() importId!: string;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'rows equal to their entry: importing the same file twice changes nothing' }) unchanged!: number;
}
