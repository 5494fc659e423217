import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';

export class AgencySealInputDto {
  @ApiProperty({ enum: ['stored', 'token', 'remote'], description: 'where the agency\'s seal key is: on the server, on the clerk\'s USB token, at a CA (remote e-seal)' })
  @IsIn(['stored', 'token', 'remote']) mode!: 'stored' | 'token' | 'remote';
  @ApiPropertyOptional({ description: 'remote: the e-seal\'s credential at the agency\'s remote signing provider' })
  @IsOptional() @IsString() @Length(1, 200) credentialId?: string;
  @ApiPropertyOptional({ description: 'token or remote: base64 PNG of the red seal, with its physical size (pHYs)' })
  @IsOptional() @IsBase64() @Length(1, 2_000_000) sealImage?: string;
}

export class AgencySealDto {
  @ApiProperty() agencyId!: string;
  @ApiProperty({ enum: ['stored', 'token', 'remote'] }) mode!: string;
  @ApiProperty({ type: String, nullable: true }) credentialId!: string | null;
  @ApiProperty() hasSealImage!: boolean;
}

export class StartIssueDto {
  @ApiPropertyOptional({ description: 'token: the certificate on the agency\'s USB token (PEM or base64 DER)' })
  @IsOptional() @IsString() @Length(1, 20_000) certificate?: string;
}

export class SealWithTokenDto {
  @ApiProperty() @IsUUID() sagaId!: string;
  @ApiPropertyOptional({ description: 'base64 raw signature over the signed attributes' })
  @ValidateIf((o: SealWithTokenDto) => o.cms === undefined) @IsBase64() @Length(1, 100_000) signature?: string;
  @ApiPropertyOptional({ description: 'or a whole detached CMS (base64 DER) made by the client' })
  @ValidateIf((o: SealWithTokenDto) => o.signature === undefined) @IsBase64() @Length(1, 200_000) cms?: string;
}

export class SealSagaDto {
  @ApiProperty() id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: ['issue', 'paper'] }) kind!: string;
  @ApiProperty({ enum: ['token', 'remote'] }) mode!: string;
  @ApiProperty({ enum: ['prepared', 'requested', 'completed', 'voided', 'failed'] }) step!: string;
  @ApiProperty() number!: number;
  @ApiProperty() numberSymbol!: string;
  @ApiProperty({ type: Date }) issuedAt!: Date;
  @ApiProperty({ type: Date }) expiresAt!: Date;
  @ApiProperty({ description: 'base64 SHA-256 of the signed attributes: what the token signs' }) digest!: string;
  @ApiProperty({ enum: ['SHA-256'] }) digestAlgorithm!: string;
  @ApiProperty({ description: 'base64 DER signed attributes, for tokens that hash the data themselves' }) signedAttributes!: string;
  @ApiProperty({ type: String, nullable: true }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
