import type { AuditVerification, PublishedCheckpoint } from '@eoffice/core';
import type { AuditTrailEntry } from '@eoffice/documents';
import type { AuditCheckpointDto, AuditEventDto, AuditVerificationDto } from './dto/audit.dto';

export const toAuditVerificationDto = (v: AuditVerification): AuditVerificationDto => ({
  intact: v.intact,
  eventsChecked: v.eventsChecked,
  firstBrokenId: v.firstBrokenId,
  unsealed: v.unsealed,
  checkpoint: v.checkpoint && { ...v.checkpoint },
  truncatedAfterCheckpoint: v.truncatedAfterCheckpoint,
});

export const toAuditCheckpointDto = ({ name, created, checkpoint }: PublishedCheckpoint): AuditCheckpointDto => ({
  name,
  created,
  format: checkpoint.format,
  count: checkpoint.count,
  headHash: checkpoint.headHash,
  createdAt: checkpoint.createdAt,
  keyId: checkpoint.keyId,
  algorithm: checkpoint.algorithm,
  signature: checkpoint.signature,
});

export const toAuditEventDto = (e: AuditTrailEntry): AuditEventDto => ({
  id: e.id,
  chainSeq: e.chainSeq,
  occurredAt: e.occurredAt,
  actorId: e.actorId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  data: e.data,
  redacted: e.redacted,
  prevHash: e.prevHash,
  hash: e.hash,
});
