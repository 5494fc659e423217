import { ApiProperty } from '@nestjs/swagger';

/** What anyone may see of a stored certificate: the public certificate's facts, never its key. */
export class CertificateDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['personal', 'organisation'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) ownerUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) commonName!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() serialNumber!: string;
  @ApiProperty() sha256Fingerprint!: string;
  @ApiProperty() validFrom!: Date;
  @ApiProperty() validTo!: Date;
  @ApiProperty({ description: 'certificates above it that were stored with it' }) chainLength!: number;
  @ApiProperty({ description: 'the signature or seal image' }) imageFileId!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt!: Date | null;
}

export class CertificatePageDto {
  @ApiProperty({ type: [CertificateDto] }) items!: CertificateDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
