import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';

/** An agency's remote signing service (chữ ký số từ xa); the client secret stays in REMOTE_SIGNING_CREDENTIALS. */
export class RemoteProviderInputDto {
  @ApiProperty({ enum: ['csc', 'sp769'], description: 'Cloud Signature Consortium API, or the Vietnamese sp769 interface' })
  @IsIn(['csc', 'sp769']) protocol!: 'csc' | 'sp769';
  @ApiProperty({ description: 'base URL of the provider\'s API, e.g. https://…/csc/v2 or https://…/sca/sp769/v1' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @Length(1, 2000) baseUrl!: string;
  @ApiProperty({ description: 'the key of REMOTE_SIGNING_CREDENTIALS holding this provider\'s client id and secret' })
  @IsString() @Matches(/^[A-Za-z0-9_.-]{1,64}$/) credentialsKey!: string;
  @ApiPropertyOptional({ description: 'how long a signer has to confirm on the phone (default 300)' })
  @IsOptional() @IsInt() @Min(10) @Max(3600) timeoutSeconds?: number;
  @ApiPropertyOptional({ description: 'the first wait between status polls (default 5; it grows up to ten times)' })
  @IsOptional() @IsInt() @Min(1) @Max(300) pollSeconds?: number;
}

export class RemoteProviderDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty({ enum: ['csc', 'sp769'] }) protocol!: string;
  @ApiProperty() baseUrl!: string;
  @ApiProperty() credentialsKey!: string;
  @ApiProperty() timeoutSeconds!: number;
  @ApiProperty() pollSeconds!: number;
  @ApiProperty() callbackPath!: string;
}

export class RemoteAccountInputDto {
  @ApiProperty({ description: 'the person\'s credential at the provider (CSC credentialID, sp769 user id)' })
  @IsString() @Length(1, 200) credentialId!: string;
}

export class RemoteAccountDto {
  @ApiProperty() userId!: string;
  @ApiProperty() credentialId!: string;
}
