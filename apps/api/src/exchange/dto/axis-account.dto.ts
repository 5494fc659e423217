import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Length, Matches } from 'class-validator';
import type { AxisAccountInput } from '@eoffice/documents';

/** PUT /units/:unitId/axis-account: the agency's own system at the national axis; the secret only by the name of its variable. */
export class AxisAccountInputDto implements AxisAccountInput {
  @ApiProperty({ example: 'https://truclienthong.tayninh.gov.vn/api', description: 'the axis endpoint the agency is registered at' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @Length(1, 2048) url!: string;
  @ApiProperty({ example: 'sotuphap-tayninh', description: "the agency's systemId at the axis" })
  @IsString() @Length(1, 200) @Matches(/^\S+$/, { message: 'systemId must not contain spaces' }) systemId!: string;
  @ApiProperty({
    example: 'EXCHANGE_AXIS_SECRET_STP',
    description: 'the NAME of the environment variable holding the secret (EXCHANGE_AXIS_SECRET_<NAME>); the secret itself is never sent or stored',
  })
  @IsString() @Length(1, 100) secretEnv!: string;
}

export class AxisAccountDto {
  @ApiProperty() agencyId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the OrganId the account sends from and receives for' }) organId!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty({ description: 'the environment variable the secret is read from' }) secretEnv!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: Date;
}
