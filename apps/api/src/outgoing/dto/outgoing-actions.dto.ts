import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { SIGNING_AUTHORITY_KINDS, type OutgoingStatus, type SigningAuthorityKind } from '@eoffice/documents';
import { MAX_PAGE } from '../../http/pagination';

/** `authority` of every way of signing: on whose behalf (Decree 30 Phụ lục I II.7.b). */
export function AuthorityProperty() {
  return applyDecorators(
    ApiPropertyOptional({
      enum: SIGNING_AUTHORITY_KINDS,
      description: 'on whose behalf I sign; default: own name for the head (TM. for the head of a collective body), Q. with a current acting appointment, '
        + 'KT. for a deputy, TUQ. with a current signing delegation. TL., and TM. for a deputy, only when asked',
    }),
    IsOptional(),
    IsIn(SIGNING_AUTHORITY_KINDS),
  );
}

export class CommentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) comment?: string;
}

export class RequiredCommentDto {
  @ApiProperty({ description: 'why it goes back' }) @IsString() @Length(1, 4000) comment!: string;
}

export class RecallDto {
  @ApiProperty() @IsString() @Length(1, 4000) reason!: string;
}

export class SignDto {
  @ApiPropertyOptional({ description: 'one of my stored certificates; default the newest valid one' })
  @IsOptional() @IsUUID() certificateId?: string;
  @AuthorityProperty() authority?: SigningAuthorityKind;
}

export class RemoteSignDto {
  @ApiPropertyOptional({ description: 'base64 PNG; default the image stored with my certificate' })
  @IsOptional() @IsBase64() @Length(1, 2_000_000) signatureImage?: string;
  @AuthorityProperty() authority?: SigningAuthorityKind;
}

export class PrepareSignatureDto {
  @ApiProperty({ description: 'the token\'s certificate, PEM or base64 DER' }) @IsString() @Length(100, 20000) certificate!: string;
  @ApiPropertyOptional({ description: 'base64 PNG; default the image stored with my certificate' })
  @IsOptional() @IsBase64() @Length(1, 2_000_000) signatureImage?: string;
  @AuthorityProperty() authority?: SigningAuthorityKind;
}

export class CompleteSignatureDto {
  @ApiProperty() @IsUUID() sessionId!: string;

  @ApiPropertyOptional({ description: 'base64 raw signature over the signed attributes' })
  @ValidateIf((o: CompleteSignatureDto) => o.cms === undefined) @IsBase64() @Length(1, 100_000) signature?: string;

  @ApiPropertyOptional({ description: 'or a whole detached CMS (base64 DER) made by the client' })
  @ValidateIf((o: CompleteSignatureDto) => o.signature === undefined) @IsBase64() @Length(1, 200_000) cms?: string;
}

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const STATUSES = ['draft', 'submitted', 'approved', 'signed', 'sealing', 'numbered', 'issued', 'dispatched', 'recalled'];

export class ListOutgoingDto {
  @ApiPropertyOptional({ description: 'comma-separated statuses' })
  @IsOptional() @Transform(list) @IsIn(STATUSES, { each: true }) status?: OutgoingStatus[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() registerId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2200) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) q?: string;
  @ApiPropertyOptional({ description: 'only replies to this incoming document (to close it with one)' })
  @IsOptional() @IsUUID() replyToIncomingId?: string;
  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}
