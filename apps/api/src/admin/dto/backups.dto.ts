import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListBackupsQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

export class BackupDestinationDto {
  @ApiProperty({ description: '1 or 2 (BACKUP_REPOSITORY, BACKUP_REPOSITORY_2)' }) destination!: string;
  @ApiProperty({ nullable: true, type: String }) snapshotId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeAddedBytes!: number | null;
  @ApiProperty({ nullable: true, type: Number }) totalSizeBytes!: number | null;
  @ApiProperty() verified!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['structure', 'read-data'],
    description: 'what restic check read: the structure (indexes, snapshots, trees) or every pack too (BACKUP_VERIFY_READ_DATA)',
  })
  verification?: 'structure' | 'read-data' | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' }, description: 'milliseconds per step: open, dump (the streamed pg_dump), backup (blobs and manifest, beside the dump), retention, check, size' })
  stepsMs?: Record<string, number>;
}

/** WAL mode: the database comes back from the base backup of run `baseRunId` and the WAL archived since. */
export class BackupWalDto {
  @ApiProperty({ description: 'the run whose base backup this backup replays from' }) baseRunId!: string;
}

export class BackupManifestDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) tableCounts!: Record<string, number>;
  @ApiProperty() blobCount!: number;
  @ApiProperty({ nullable: true, type: String }) auditLastHash!: string | null;
  @ApiProperty() serverMajorVersion!: number;
  @ApiPropertyOptional({ type: BackupWalDto, description: 'only in WAL mode (BACKUP_MODE=wal)' }) wal?: BackupWalDto;
}

export class BackupRunDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty({ nullable: true, type: String }) requestedBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'new bytes stored in destination 1' }) sizeAddedBytes!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'bytes destination 1 takes in all' }) totalSizeBytes!: number | null;
  @ApiProperty({ description: 'every destination passed restic check after this backup' }) verified!: boolean;
  @ApiProperty({ nullable: true, type: BackupManifestDto }) manifest!: BackupManifestDto | null;
  @ApiProperty({ type: [BackupDestinationDto] }) destinations!: BackupDestinationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'why it failed' }) error!: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: { type: 'integer' }, description: 'milliseconds of the manifest and pg_dump steps' })
  stepsMs!: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: Date, description: 'when retention removed it; it can no longer be restored' }) prunedAt!: Date | null;
}

export class BackupPageDto {
  @ApiProperty({ type: [BackupRunDto] }) items!: BackupRunDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RestoreDrillDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) backupRunId!: string | null;
  @ApiProperty({ enum: ['queued', 'running', 'passed', 'failed'] }) status!: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty({ type: [String], description: 'what differed from the manifest' }) differences!: string[];
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class RestoreDrillPageDto {
  @ApiProperty({ type: [RestoreDrillDto] }) items!: RestoreDrillDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
