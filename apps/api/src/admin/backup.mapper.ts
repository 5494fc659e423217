import type { BackupRun, RestoreDrill } from '@eoffice/documents';
import type { BackupRunDto, RestoreDrillDto } from './dto/backups.dto';

export const toBackupDto = (run: BackupRun): BackupRunDto => ({
  id: run.id,
  status: run.status,
  trigger: run.trigger,
  requestedBy: run.requestedBy,
  createdAt: run.createdAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  durationMs: run.durationMs,
  sizeAddedBytes: run.sizeAddedBytes,
  totalSizeBytes: run.totalSizeBytes,
  verified: run.verified,
  manifest: run.manifest,
  destinations: run.destinations,
  error: run.error,
  stepsMs: run.stepsMs,
  prunedAt: run.prunedAt,
});

export const toDrillDto = (drill: RestoreDrill): RestoreDrillDto => ({
  id: drill.id,
  backupRunId: drill.backupRunId,
  status: drill.status,
  trigger: drill.trigger,
  createdAt: drill.createdAt,
  finishedAt: drill.finishedAt,
  durationMs: drill.durationMs,
  differences: drill.differences,
  error: drill.error,
});
