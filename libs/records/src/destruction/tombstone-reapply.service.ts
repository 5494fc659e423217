import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, BlobStore } from '@eoffice/core';
import { RecordRepository } from '../records/record.repository';
import { destroyRecordContent } from './destruction-scope';
import { DestructionRepository } from './destruction.repository';
import { removeBytes } from './remove-bytes';
import { TombstoneObject, TombstoneObjects } from './tombstone-objects';

export interface ReapplyReport {
  /** Tombstone objects written for database tombstones that had none (a crash after the commit). */
  objectsWritten: number;
  /** Destructions the database did not know (restored from before them), applied again. */
  recordsReapplied: number;
  bytesRemoved: number;
}

/**
 * Run by the records scan: makes the database, the tombstone objects and the file store agree that
 * every destroyed record stays destroyed (docs/backups.md, "Destroyed records"):
 * 1. a database tombstone without its object (the API died after the commit) gets it;
 * 2. an object the database has no tombstone for — the database was restored from a backup older than
 *    the destruction — is applied again: the record destroyed, its files marked, personal data
 *    blanked, its list put back, audit `record.destruction_reapplied`. Holds and retention are not
 *    re-checked: the decision was taken, lawfully, on the live installation the backup lags behind;
 * 3. every tombstoned key no live stored file shares is deleted from the store (bytes restored with
 *    an older file store, or left by a crash between the commit and the deletion).
 */
@Injectable()
export class TombstoneReapplyService {
  private readonly logger = new Logger(TombstoneReapplyService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly destructions: DestructionRepository,
    private readonly records: RecordRepository,
    private readonly objects: TombstoneObjects,
    private readonly audit: AuditService,
    private readonly blobs: BlobStore,
  ) {}

  async reapply(): Promise<ReapplyReport> {
    const written = await this.objects.recordIds();
    let objectsWritten = 0;
    for (const t of await this.destructions.tombstonesWithout(written)) {
      await this.objects.write({
        version: 1, recordId: t.recordId, agencyId: t.agencyId, fileCode: t.fileCode, title: t.title, decidedBy: t.decidedBy,
        destroyedAt: t.destroyedAt.toISOString(), documents: t.documents, storageKeys: t.storageKeys,
        destruction: { id: t.destructionId, title: t.listTitle, createdBy: t.createdBy, createdAt: t.createdAt.toISOString(), approvedAt: t.approvedAt.toISOString() },
      });
      objectsWritten += 1;
    }
    let recordsReapplied = 0;
    const keys: string[] = [];
    for (const recordId of written.length ? await this.destructions.withoutTombstone(written) : []) {
      const tombstone = await this.objects.read(recordId);
      if (!tombstone) {
        this.logger.error(`tombstone object of record ${recordId} unreadable; not applied`);
        continue;
      }
      try {
        const applied = await this.apply(tombstone);
        keys.push(...applied.keys);
        if (applied.record) recordsReapplied += 1;
      } catch (error) {
        this.logger.error(`tombstone of record ${recordId} (${tombstone.fileCode}) not applied again: ${(error as Error).message}`);
      }
    }
    keys.push(...(await this.destructions.tombstonedKeys()));
    return { objectsWritten, recordsReapplied, bytesRemoved: await removeBytes(this.blobs, keys, this.logger) };
  }

  /** One destruction the database does not know, applied in one transaction; the keys to delete after it. */
  private apply(t: TombstoneObject): Promise<{ record: boolean; keys: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [record] = await this.destructions.lockRecords(manager, [t.recordId]);
      // A record made after the backup is not in the copy: only its bytes, should they be there, go.
      if (!record) return { record: false, keys: await this.destructions.unsharedKeys(manager, t.storageKeys) };
      const destroyedAt = new Date(t.destroyedAt);
      await this.destructions.restoreList(manager, {
        destructionId: t.destruction.id, agencyId: t.agencyId, listTitle: t.destruction.title, createdBy: t.destruction.createdBy,
        createdAt: new Date(t.destruction.createdAt), decidedBy: t.decidedBy, approvedAt: new Date(t.destruction.approvedAt), recordId: t.recordId,
      });
      const content = await destroyRecordContent(manager, record.id);
      await this.records.update(manager, record.id, { status: 'destroyed', destroyedAt, description: null });
      const storageKeys = [...new Set([...content.storageKeys, ...(await this.destructions.unsharedKeys(manager, t.storageKeys))])].sort();
      await this.destructions.insertTombstone(manager, {
        recordId: record.id, destructionId: t.destruction.id, fileCode: t.fileCode, title: t.title, decidedBy: t.decidedBy, destroyedAt, documents: content.documents, storageKeys,
      });
      await this.audit.record(manager, {
        actorId: null, action: 'record.destruction_reapplied', entityType: 'record', entityId: record.id,
        data: { destructionId: t.destruction.id, fileCode: t.fileCode, decidedBy: t.decidedBy, destroyedAt: t.destroyedAt, documents: content.documents, files: content.files, storageKeys },
      });
      return { record: true, keys: storageKeys };
    });
  }
}
