import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_STATES } from '@eoffice/documents';
import { RegistrationDto } from '../../incoming/dto/incoming-responses.dto';

const STATUSES = ['valid', 'untrusted', 'modified', 'invalid', 'unsigned', 'unreadable'];

export class ReceiptSignatureDto {
  @ApiProperty() fieldName!: string;
  @ApiProperty({ type: String, nullable: true }) signerName!: string | null;
  @ApiProperty({ type: String, nullable: true }) signedAt!: string | null;
  @ApiProperty({ description: 'the signature verifies against the bytes it covers' }) intact!: boolean;
  @ApiProperty({ description: 'the signer chains to a trust anchor, valid and not revoked at signing' }) trusted!: boolean;
  @ApiProperty() coversWholeDocument!: boolean;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class ReceiptErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

/** Kiểm tra chữ ký khi tiếp nhận: the report kept with a received PDF. */
export class ReceiptVerificationDto {
  @ApiProperty() checkedAt!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: [ReceiptSignatureDto] }) signatures!: ReceiptSignatureDto[];
  @ApiProperty() modifiedAfterLastSignature!: boolean;
  @ApiProperty() onlyAllowedChangesAfterFirstSignature!: boolean;
  @ApiProperty({ type: ReceiptErrorDto, nullable: true }) error!: ReceiptErrorDto | null;
}

export class IntakeFileDto {
  @ApiProperty() position!: number;
  @ApiProperty({ type: String, nullable: true, description: 'null: not kept (too large, a program, an archive: see flags)' }) fileId!: string | null;
  @ApiProperty({ type: String, nullable: true }) originalName!: string | null;
  @ApiProperty({ type: String, nullable: true }) mimeType!: string | null;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ type: ReceiptVerificationDto, nullable: true, description: 'PDFs only' }) verification!: ReceiptVerificationDto | null;
}

export class IntakeProposalDto {
  @ApiPropertyOptional() sourceNumberSymbol?: string;
  @ApiPropertyOptional() sourceDate?: string;
  @ApiPropertyOptional() issuingAuthority?: string;
  @ApiPropertyOptional() documentType?: string;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional() urgency?: string;
  @ApiPropertyOptional() confidentiality?: string;
  @ApiPropertyOptional({ description: 'nơi ban hành, read from the header (not registered)' }) place?: string;
  @ApiPropertyOptional({ description: 'the signer block’s position lines, read from page 1 (not registered)' }) signerPosition?: string;
  @ApiPropertyOptional({ description: 'the signer’s name, read from page 1 (not registered)' }) signerName?: string;
}

/** One corrected field: the proposal's value (null when it proposed none) and what was registered. */
export interface IntakeCorrectionDto {
  proposed: unknown;
  registered: unknown;
}

export class IntakeDocumentRefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'số đến' }) incomingNumber!: number;
  @ApiProperty() year!: number;
}

/** Văn bản chờ vào sổ. */
export class IntakeItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['paper', 'email', 'system', 'edxml'] }) channel!: string;
  @ApiProperty({ description: 'scan:<job id>, or mailbox:UIDVALIDITY:UID' }) sourceId!: string;
  @ApiProperty({ type: String, nullable: true }) messageId!: string | null;
  @ApiProperty({ type: String, nullable: true }) sender!: string | null;
  @ApiProperty({ type: String, nullable: true }) senderName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'e-mail subject or scan file name' }) title!: string | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ enum: INTAKE_STATES }) state!: string;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ type: IntakeProposalDto }) proposal!: IntakeProposalDto;
  @ApiProperty({ type: String, nullable: true, description: 'the e-mail as received (.eml)' }) messageFileId!: string | null;
  @ApiProperty({ type: [IntakeFileDto] }) files!: IntakeFileDto[];
  @ApiProperty({ type: IntakeDocumentRefDto, nullable: true }) document!: IntakeDocumentRefDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { proposed: { nullable: true }, registered: {} }, required: ['proposed', 'registered'] },
    nullable: true,
    description: 'field → what the clerk changed from the proposal',
  })
  corrections!: Record<string, IntakeCorrectionDto> | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'an exchange package replacing an earlier one (văn bản thay thế): the intake item of the copy it replaces' })
  replacesItemId!: string | null;
}

export class IntakePageDto {
  @ApiProperty({ type: [IntakeItemDto] }) items!: IntakeItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class IntakeRegistrationDto {
  @ApiProperty({ type: IntakeItemDto }) item!: IntakeItemDto;
  @ApiProperty({ type: RegistrationDto }) registration!: RegistrationDto;
}
