import { ApiProperty } from '@nestjs/swagger';

export class JobErrorDto {
  @ApiProperty({ example: 'OCR_FAILED' }) code!: string;
  @ApiProperty() message!: string;
}

/** Background work a person started: its state, progress and result. */
export class JobDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'scan' }) name!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) state!: string;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'per job kind, e.g. a scan: {fileId, pageCount}' })
  result!: Record<string, unknown> | null;
  @ApiProperty({ type: JobErrorDto, nullable: true }) error!: JobErrorDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
}

/** 202: the work is queued; follow it at GET /jobs/:id. */
export class JobAcceptedDto {
  @ApiProperty() jobId!: string;
}
