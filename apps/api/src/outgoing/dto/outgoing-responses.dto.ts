import { ApiProperty } from '@nestjs/swagger';
import { OutgoingStatus, REVIEW_STAGES, SIGNING_AUTHORITY_KINDS } from '@eoffice/documents';

/** On whose behalf the signer signed (Decree 30 Phụ lục I II.7.b), fixed when signing. */
export class SigningAuthorityDto {
  @ApiProperty({ enum: SIGNING_AUTHORITY_KINDS, description: 'own name, KT. (deputy), TL. (by order), TUQ. (by authorisation), TM. (on behalf of a collective body), Q. (acting head)' }) kind!: string;
  @ApiProperty({ example: 'KT. GIÁM ĐỐC', description: 'box 7a, quyền hạn của người ký; a deputy\'s TM. is two lines ("TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH")' }) notation!: string;
  @ApiProperty({ example: 'GIÁM ĐỐC', description: "the head's title the prefix stands before" }) authorityTitle!: string;
  @ApiProperty({ type: String, nullable: true, example: 'PHÓ GIÁM ĐỐC', description: "box 7b, the signer's own title" }) signerTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the signing delegation (TUQ.) or acting appointment (Q.) it rests on' }) delegationId!: string | null;
}

/** Văn bản đi as every state-changing route answers it. */
export class OutgoingDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Object.values(OutgoingStatus) }) status!: string;
  @ApiProperty({ enum: REVIEW_STAGES, nullable: true, description: 'while submitted: whose review it waits for' }) reviewStage!: string | null;
  @ApiProperty() agencyId!: string;
  @ApiProperty() draftingUnitId!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() documentType!: string;
  @ApiProperty({ description: 'trích yếu' }) subject!: string;
  @ApiProperty({ enum: ['normal', 'urgent', 'very_urgent', 'flash'] }) urgency!: string;
  @ApiProperty({ enum: ['normal', 'confidential', 'secret', 'top_secret'] }) confidentiality!: string;
  @ApiProperty() signerId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'box 7a; once signed, the notation of signingAuthority' }) signingTitle!: string | null;
  @ApiProperty({ type: SigningAuthorityDto, nullable: true, description: 'null until signed' }) signingAuthority!: SigningAuthorityDto | null;
  @ApiProperty({ type: String, nullable: true }) replyToIncomingId!: string | null;
  @ApiProperty() closesIncoming!: boolean;
  @ApiProperty({ type: String, nullable: true }) replacesId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the issued document that replaced this one (set when it is issued)' }) replacedById!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'thời gian hiệu lực: the last day in force' }) validUntil!: string | null;
  @ApiProperty({ type: Date, nullable: true }) signedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) registerId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'số, once issued' }) number!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '12/QĐ-SGDĐT' }) numberSymbol!: string | null;
  @ApiProperty({ type: Date, nullable: true }) issuedAt!: Date | null;
  @ApiProperty({ description: 'signed in ink: the number went to the paper original; the issued file is its sealed scan' }) signedOnPaper!: boolean;
  @ApiProperty({ type: String, nullable: true }) issuedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) dispatchedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) recalledAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) recallReason!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['B-B', 'B-T', 'B-LT', 'B-LTA'], description: 'PAdES level of the issued file' }) longTermLevel!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the issued file is below B-LT (TSA or OCSP responder down); a job upgrades it' }) longTermWarning!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'when the words of the current PDF went to search' }) textExtractedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class OutgoingPageDto {
  @ApiProperty({ type: [OutgoingDto] }) items!: OutgoingDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Phụ lục: an appendix in a separate PDF. */
export class AppendixDto {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'signed with the agency key at the issue' }) issued!: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['B-B', 'B-T', 'B-LT', 'B-LTA'], description: 'PAdES level of the issued appendix, as the document\'s' })
  longTermLevel!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
}

export class OutgoingVersionDto {
  @ApiProperty() versionNumber!: number;
  @ApiProperty() sourceFileId!: string;
  @ApiProperty({ type: String, nullable: true }) pdfFileId!: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'done', 'failed'] }) conversion!: string;
  @ApiProperty({ type: String, nullable: true }) conversionError!: string | null;
  @ApiProperty({ type: String, nullable: true }) conversionJobId!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
}

const DELIVERY = ['pending', 'delivered', 'sent', 'failed', 'not_sent', 'paper_sent'];

export class OutgoingRecipientDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['internal', 'external', 'paper', 'agency'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'a directory agency\'s OrganId (kind agency)' }) organId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the last exchange step: 01 arrived, 02 refused, 03 accepted, 04 awaiting assignment, 05 being handled, 06 done; 13 our recall sent, 15 recall accepted, 16 recall refused' }) exchangeStatus!: string | null;
  @ApiProperty({ type: Date, nullable: true }) exchangeStatusAt!: Date | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: DELIVERY }) delivery!: string;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt!: Date | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) incomingDocumentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'received, assigned, done (or the copy\'s state: returned, recalled); agency recipients also recalling (13 sent), recall_refused (16)' }) handling!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'internal copies: the number the recipient registered it under (số đến, N/YYYY)' }) incomingNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'internal copies the recipient returned (trả lại): its reason' }) returnReason!: string | null;
  @ApiProperty({ type: Date, nullable: true }) recalledAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) paperSentBy!: string | null;
}

export class PaperRecipientSentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['internal', 'external', 'paper', 'agency'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DELIVERY }) delivery!: string;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) paperSentBy!: string | null;
}

export class OutgoingTimelineEventDto {
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() at!: Date;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

/** A remote signature (ký số từ xa): waiting for the signer's confirmation on the phone, or how it ended. */
export class RemoteSigningDto {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: ['sending', 'pending', 'signed', 'rejected', 'expired', 'failed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the provider\'s transaction id' }) transactionId!: string | null;
  @ApiProperty({ description: 'the document reference the signer sees in the provider\'s app' }) documentRef!: string;
  @ApiProperty({ description: 'when the request was sent: "chờ xác nhận trên điện thoại từ …"' }) waitingSince!: Date;
  @ApiProperty({ description: 'the provider\'s timeout: polling stops and the request expires then' }) expiresAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it did not sign (docs/error-codes.md)' }) failureCode!: string | null;
  @ApiProperty({ description: 'for people, in Vietnamese' }) message!: string;
}

export class OutgoingDetailDto extends OutgoingDto {
  @ApiProperty({ type: [OutgoingVersionDto] }) versions!: OutgoingVersionDto[];
  @ApiProperty({ type: [AppendixDto] }) appendices!: AppendixDto[];
  @ApiProperty({ type: [OutgoingRecipientDto] }) recipients!: OutgoingRecipientDto[];
  @ApiProperty({ type: [OutgoingTimelineEventDto] }) timeline!: OutgoingTimelineEventDto[];
  @ApiProperty({ type: RemoteSigningDto, nullable: true, description: 'the newest remote signature asked for; null: none' }) remoteSigning!: RemoteSigningDto | null;
}

/** Signing with a USB token, step 1: what the token signs. */
export class PreparedSignatureDto {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ description: 'base64 SHA-256 of the signed attributes (for tokens that sign a hash)' }) digest!: string;
  @ApiProperty({ enum: ['SHA-256'] }) digestAlgorithm!: string;
  @ApiProperty({ description: 'base64 DER signed attributes (for tokens that hash themselves)' }) signedAttributes!: string;
  @ApiProperty() expiresAt!: Date;
}

/** Signing with a plugin that signs whole PDFs: where it downloads the prepared draft. */
export class PluginSigningSessionDto {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ description: 'the prepared PDF; the upload must begin with exactly these bytes' }) pdfPath!: string;
  @ApiProperty() expiresAt!: Date;
}
