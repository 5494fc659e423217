import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { CertificateKind } from '@eoffice/documents';

/** The text fields of POST /certificates; the files are `pkcs12` and `image`. */
export class UploadCertificateDto {
  @ApiProperty({ enum: ['personal', 'organisation'], description: 'personal: my own; organisation: an agency’s seal (admin)' })
  @IsIn(['personal', 'organisation'])
  kind!: CertificateKind;

  /** Never normalised: a PKCS#12 password is the exact characters the CA was given. */
  @ApiProperty({ description: 'passphrase of the PKCS#12 file; never stored or logged' })
  @IsString()
  @MaxLength(1024)
  passphrase!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'organisation only; default: the administrator’s agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class RevokeCertificateDto {
  @ApiPropertyOptional({ example: 'Mất thiết bị lưu khóa' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
