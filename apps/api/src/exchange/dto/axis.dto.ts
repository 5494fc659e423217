import { ApiProperty } from '@nestjs/swagger';

export class AxisReconciliationDto {
  @ApiProperty() runId!: string;
  @ApiProperty({ description: 'packages the axis lists for us that were never taken here: fetched now' }) missingHere!: number;
  @ApiProperty({ description: 'packages we sent that getSentEdocList does not list: queued to be sent again' }) missingOnAxis!: number;
  @ApiProperty({ description: 'status messages the axis lists for us that were never applied here: fetched and applied now' }) statusesMissingHere!: number;
  @ApiProperty({ description: 'status messages we sent that getSentEdocList does not list: queued to be sent again' }) statusesMissingOnAxis!: number;
  @ApiProperty({ description: 'findings that could not be put right (see the discrepancy rows)' }) failed!: number;
}

export class AxisDiscrepancyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'the reconciliation run that found it' }) runId!: string;
  @ApiProperty({ enum: ['missing_here', 'missing_on_axis'] }) kind!: string;
  @ApiProperty({ enum: ['edoc', 'status'], description: 'a package or a status message' }) messageType!: string;
  @ApiProperty({ type: String, nullable: true, description: "the axis's id of the message" }) axisDocId!: string | null;
  @ApiProperty({ type: String, nullable: true }) packageId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the edXML DocumentId (mã định danh văn bản)' }) documentId!: string | null;
  @ApiProperty({ enum: ['fetched', 'resent', 'failed'] }) action!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class AgencySyncResultDto {
  @ApiProperty() syncId!: string;
  @ApiProperty({ description: 'agencies the axis listed' }) listed!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'listed and already equal: nothing written' }) unchanged!: number;
  @ApiProperty({ description: 'our own agencies, and entries the directory rules refuse' }) skipped!: number;
}
