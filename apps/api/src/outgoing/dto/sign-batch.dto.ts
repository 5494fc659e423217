import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBase64, IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import type { SigningAuthorityKind } from '@eoffice/documents';
import { AuthorityProperty } from './outgoing-actions.dto';

/** Ký hàng loạt: the drafts (approved, waiting for my signature) and how to sign them. */
export class SignBatchInputDto {
  @ApiProperty({ type: [String], description: 'the drafts, 1–50, each once; answered in this order' })
  // A parse-time ceiling only: the batch's own limits (empty, over 50, twice) answer their own codes.
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) ids!: string[];
  @ApiProperty({ enum: ['stored', 'remote'], description: 'my stored key (signed within the request), or the agency\'s remote signing provider' })
  @IsIn(['stored', 'remote']) method!: 'stored' | 'remote';
  @ApiPropertyOptional({ description: 'stored: one of my stored certificates; default the newest valid one' })
  @IsOptional() @IsUUID() certificateId?: string;
  @ApiPropertyOptional({ description: 'remote: base64 PNG; default the image stored with my certificate' })
  @IsOptional() @IsBase64() @Length(1, 2_000_000) signatureImage?: string;
  @AuthorityProperty() authority?: SigningAuthorityKind;
}

export class SignBatchItemDto {
  @ApiProperty({ description: 'the draft\'s place in the list sent' }) position!: number;
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: ['pending', 'signed', 'failed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'remote: the draft\'s own signing session' }) sessionId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'failed: the HTTP status the single route would have answered' }) failureStatus!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'failed: the error code (docs/error-codes.md); the draft may be signed again' }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureMessage!: string | null;
}

export class SignBatchCountsDto {
  @ApiProperty() signed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() pending!: number;
}

export class SignBatchDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['stored', 'remote'] }) method!: string;
  @ApiProperty({ enum: ['pending', 'completed'], description: 'completed once no draft is pending' }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'remote, one transaction for the whole batch (CSC): the provider\'s transaction id' }) transactionId!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['pending', 'signed', 'rejected', 'expired', 'failed'] }) remoteStatus!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'remote: the provider\'s timeout for the confirmation' }) expiresAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: SignBatchCountsDto }) counts!: SignBatchCountsDto;
  @ApiProperty({ type: [SignBatchItemDto] }) items!: SignBatchItemDto[];
}
