import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';

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

/** The token's answer for one appendix: over that appendix's own signed attributes (GET …/issue/saga `appendices`). */
export class AppendixSealDto {
  @ApiProperty() @IsUUID() appendixId!: string;
  @ApiPropertyOptional({ description: 'base64 raw signature over the appendix\'s signed attributes' })
  @ValidateIf((o: AppendixSealDto) => o.cms === undefined) @IsBase64() @Length(1, 100_000) signature?: string;
  @ApiPropertyOptional({ description: 'or a whole detached CMS (base64 DER) made by the client' })
  @ValidateIf((o: AppendixSealDto) => o.signature === undefined) @IsBase64() @Length(1, 200_000) cms?: string;
}

export class SealWithTokenDto {
  @ApiProperty() @IsUUID() sagaId!: string;
  @ApiPropertyOptional({ description: 'base64 raw signature over the signed attributes' })
  @ValidateIf((o: SealWithTokenDto) => o.cms === undefined) @IsBase64() @Length(1, 100_000) signature?: string;
  @ApiPropertyOptional({ description: 'or a whole detached CMS (base64 DER) made by the client' })
  @ValidateIf((o: SealWithTokenDto) => o.signature === undefined) @IsBase64() @Length(1, 200_000) cms?: string;
  @ApiPropertyOptional({ type: [AppendixSealDto], description: 'one answer for each appendix of the saga (required when it has appendices)' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => AppendixSealDto) appendices?: AppendixSealDto[];
}

/** What the token signs for one appendix. */
export class SealSagaAppendixDto {
  @ApiProperty() appendixId!: string;
  @ApiProperty({ description: 'Phụ lục 1, 2, …' }) position!: number;
  @ApiProperty({ description: 'base64 SHA-256 of the appendix\'s signed attributes: what the token signs for it' }) digest!: string;
  @ApiProperty({ enum: ['SHA-256'] }) digestAlgorithm!: string;
  @ApiProperty({ description: 'base64 DER signed attributes, for tokens that hash the data themselves' }) signedAttributes!: string;
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
  @ApiProperty({ type: [SealSagaAppendixDto], description: 'each appendix sealed with the document, in position order' }) appendices!: SealSagaAppendixDto[];
  @ApiProperty({ type: String, nullable: true }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
