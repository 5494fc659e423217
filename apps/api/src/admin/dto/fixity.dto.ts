import { ApiProperty } from '@nestjs/swagger';

export class FixityMismatchDto {
  @ApiProperty() fileId!: string;
  @ApiProperty() storageKey!: string;
  @ApiProperty() expectedSha256!: string;
  @ApiProperty({ type: String, nullable: true }) actualSha256!: string | null;
  @ApiProperty({ enum: ['altered', 'missing'] }) problem!: string;
}

/** A pass that re-reads every stored file and compares its SHA-256. */
export class FixityCheckDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty({ type: String, nullable: true }) requestedBy!: string | null;
  @ApiProperty() filesChecked!: number;
  @ApiProperty() mismatchCount!: number;
  @ApiProperty({ type: [FixityMismatchDto] }) mismatches!: FixityMismatchDto[];
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
}
