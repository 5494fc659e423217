import { Injectable } from '@nestjs/common';
import { BlobStore } from '@eoffice/core';

/** A destruction as written outside the database: enough to apply it again to an older copy. */
export interface TombstoneObject {
  version: 1;
  recordId: string;
  agencyId: string;
  fileCode: string;
  title: string;
  decidedBy: string;
  destroyedAt: string;
  documents: number;
  storageKeys: string[];
  destruction: { id: string; title: string; createdBy: string | null; createdAt: string; approvedAt: string };
}

const FOLDER = 'tombstones';
const nameOf = (recordId: string) => `${FOLDER}/${recordId}.json`;

/**
 * Tombstones kept beside the blobs as write-once objects (`tombstones/<record id>.json` in the file
 * store), so a database restored from a backup older than a destruction learns of it again: the
 * records scan applies every object the database has no tombstone for (docs/backups.md). The
 * backups copy the blobs, not these objects, and the restore carries the live ones over.
 */
@Injectable()
export class TombstoneObjects {
  constructor(private readonly blobs: BlobStore) {}

  /** Written once; an existing object (the same destruction written before a crash) is kept. */
  async write(tombstone: TombstoneObject): Promise<void> {
    await this.blobs.putOnce(nameOf(tombstone.recordId), Buffer.from(`${JSON.stringify(tombstone, null, 2)}\n`));
  }

  async recordIds(): Promise<string[]> {
    const names = await this.blobs.listObjects(`${FOLDER}/`);
    return names.map((n) => n.slice(FOLDER.length + 1)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));
  }

  async read(recordId: string): Promise<TombstoneObject | null> {
    const bytes = await this.blobs.readObject(nameOf(recordId));
    if (!bytes) return null;
    const parsed = JSON.parse(bytes.toString('utf8')) as TombstoneObject;
    return parsed.version === 1 && parsed.recordId === recordId ? parsed : null;
  }
}
