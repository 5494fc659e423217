import { ApiProperty } from '@nestjs/swagger';

export class PublicSignerDto {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: ['signer', 'agency', 'timestamp'] }) role!: string;
  @ApiProperty({ type: String, nullable: true, description: 'claimed signing time, ISO 8601 UTC' }) signedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the time-stamp time the signature is judged at' }) provenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['B-B', 'B-T', 'B-LT', 'B-LTA'] }) level!: string | null;
  @ApiProperty() valid!: boolean;
  @ApiProperty() validLongTerm!: boolean;
}

export class PublicVerificationDto {
  @ApiProperty({ example: '05/QĐ-SGDĐT' }) numberSymbol!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'the issuing agency' }) issuer!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a confidential document' }) subject!: string | null;
  @ApiProperty() confidential!: boolean;
  @ApiProperty({ enum: ['issued', 'dispatched', 'recalled'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) recalledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for a confidential document' }) recallReason!: string | null;
  @ApiProperty({ type: [PublicSignerDto] }) signers!: PublicSignerDto[];
  @ApiProperty({ description: 'every signature of the stored file is intact and trusted, later revisions only validation data' }) verifies!: boolean;
  @ApiProperty({ description: 'SHA-256 of the stored issued file' }) sha256!: string;
  @ApiProperty() checkedAt!: string;
}
