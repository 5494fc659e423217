import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { ExchangeCorrectionInput, Urgency } from '@eoffice/documents';

const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;

/** POST /outgoing/:id/exchange-update: the corrected metadata and why (at least one field changed). */
export class ExchangeCorrectionDto implements ExchangeCorrectionInput {
  @ApiProperty({ description: 'why the metadata is corrected (BussinessDocReason)' }) @IsString() @Length(1, 500) reason!: string;
  @ApiPropertyOptional({ description: 'the corrected trích yếu' }) @IsOptional() @IsString() @Length(1, 500) subject?: string;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
}

export class ExchangeCorrectionChangesDto {
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional({ enum: URGENCIES }) urgency?: Urgency;
}

export class ExchangeCorrectionResultDto {
  @ApiProperty() documentId!: string;
  @ApiProperty({ type: ExchangeCorrectionChangesDto }) changes!: ExchangeCorrectionChangesDto;
  @ApiProperty({ type: [String], description: 'OrganIds of the directory agencies an update package goes to: those that have the package already, and those it is on its way to (the update follows it if it left before the correction)' })
  queuedFor!: string[];
}

export class PackageReceiptEntryDto {
  @ApiProperty({ example: '000.00.01.H30', description: 'our agency the package was for' }) organId!: string;
  @ApiProperty() packageId!: string;
  @ApiProperty() intakeItemId!: string;
  @ApiProperty({ description: 'the package was stored before: nothing new was made' }) replayed!: boolean;
}

export class PackageReceiptDto {
  @ApiProperty({ description: 'the first package id (what the sender keeps as its receipt)' }) receipt!: string;
  @ApiProperty({ type: [PackageReceiptEntryDto] }) receipts!: PackageReceiptEntryDto[];
}

export class StatusReceiptDto {
  @ApiProperty({ description: 'false when it was for a package never sent from here (logged and dropped) or applied before' }) applied!: boolean;
}

export class AgencyCertificateDto {
  @ApiProperty({ description: 'the X.509 certificate (PEM) the agency signs its edXML packages with' }) @IsString() @Length(100, 20_000) certificatePem!: string;
}

export class AgencyCertificateSetDto {
  @ApiProperty() agencyId!: string;
  @ApiProperty({ description: 'SHA-256 of the certificate (DER), hex' }) fingerprint!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() validTo!: Date;
}

export class ExchangeStatusDto {
  @ApiProperty() recipientId!: string;
  @ApiProperty() organId!: string;
  @ApiProperty({ description: '01 arrived, 02 refused, 03 accepted, 04 awaiting assignment, 05 being handled, 06 done' }) code!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the reason of a refusal (02)' }) description!: string | null;
  @ApiProperty({ description: 'when the step happened at the recipient' }) occurredAt!: Date;
  @ApiProperty({ description: 'when the status message reached us' }) receivedAt!: Date;
}
