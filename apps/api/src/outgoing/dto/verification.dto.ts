import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SignerCertificateDto {
  @ApiProperty() subject!: string;
  @ApiProperty() issuer!: string;
  @ApiPropertyOptional() commonName?: string;
  @ApiProperty() serialNumber!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty() validTo!: string;
  @ApiProperty() sha256Fingerprint!: string;
}

const CHANGE_KINDS = ['FORM_FILL', 'SIGNATURE', 'ANNOTATION', 'METADATA', 'PAGE_CONTENT', 'OTHER'];

export class TimestampCheckDto {
  @ApiProperty({ description: 'the time-stamping authority\'s time (genTime), ISO 8601 UTC' }) time!: string;
  @ApiProperty({ description: 'the token verifies and stamps this signature (or, for a document time-stamp, the covered bytes)' }) intact!: boolean;
  @ApiPropertyOptional() authority?: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class LongTermCheckDto {
  @ApiProperty({ enum: ['B-B', 'B-T', 'B-LT', 'B-LTA'], description: 'PAdES baseline level reached' }) level!: string;
  @ApiPropertyOptional({ description: 'the time-stamp time the signature is judged at (not today, not the claimed /M)' }) provenAt?: string;
  @ApiProperty({ description: 'the chain\'s certificates and OCSP/CRL answers are in the document (DSS)' }) validationDataEmbedded!: boolean;
  @ApiProperty({ description: 'intact, trusted at provenAt, not revoked then, B-LT or B-LTA' }) validLongTerm!: boolean;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class SignatureCheckDto {
  @ApiProperty({ enum: ['signature', 'documentTimestamp'] }) kind!: string;
  @ApiProperty() fieldName!: string;
  @ApiPropertyOptional() signerName?: string;
  @ApiPropertyOptional({ type: SignerCertificateDto }) signerCertificate?: SignerCertificateDto;
  @ApiPropertyOptional({ description: 'claimed signing time, ISO 8601 UTC' }) signedAt?: string;
  @ApiPropertyOptional() subFilter?: string;
  @ApiProperty({ description: 'the CMS verifies and its digest matches the covered bytes' }) intact!: boolean;
  @ApiProperty() coversWholeDocument!: boolean;
  @ApiProperty({ description: 'chains to a trusted anchor, valid at signedAt, not revoked' }) certificateTrusted!: boolean;
  @ApiPropertyOptional({ description: 'the revision the signature covers (1 = the original file)' }) revision?: number;
  @ApiPropertyOptional({ type: [Number], minItems: 4, maxItems: 4 }) byteRange?: number[];
  @ApiPropertyOptional({ type: TimestampCheckDto, description: 'signature time-stamp (B-T); a document time-stamp\'s own token' }) timestamp?: TimestampCheckDto;
  @ApiPropertyOptional({ type: LongTermCheckDto, description: 'signatures only' }) longTerm?: LongTermCheckDto;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class ChangeDetailDto {
  @ApiProperty({ enum: CHANGE_KINDS }) kind!: string;
  @ApiProperty() description!: string;
}

export class RevisionCheckDto {
  @ApiProperty() revision!: number;
  @ApiProperty() endOffset!: number;
  @ApiProperty({ enum: CHANGE_KINDS, isArray: true }) changes!: string[];
  @ApiProperty({ description: 'only form filling, signatures, annotations or metadata changed' }) allowed!: boolean;
  @ApiProperty({ type: [ChangeDetailDto] }) details!: ChangeDetailDto[];
}

/** Every signature of a PDF checked, and what each later revision changed. */
export class VerificationReportDto {
  @ApiProperty({ type: [SignatureCheckDto] }) signatures!: SignatureCheckDto[];
  @ApiProperty({ type: [RevisionCheckDto], description: 'one per incremental update (revision 2 onwards)' }) revisions!: RevisionCheckDto[];
  @ApiProperty() modifiedAfterLastSignature!: boolean;
  @ApiProperty() onlyAllowedChangesAfterFirstSignature!: boolean;
}
