import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export const MANIFEST_FORMAT = 'eoffice-backup-manifest/1';

/** The last line of the manifest; every line before it is one blob: [storage key, SHA-256]. A cut file has no header. */
export interface ManifestHeader {
  format: typeof MANIFEST_FORMAT;
  backupId: string;
  takenAt: string;
  serverMajorVersion: number;
  tableCounts: Record<string, number>;
  blobCount: number;
  auditLastHash: string | null;
  /** Where the file store and the dump were when backed up: their paths inside the snapshot. */
  fileStorePath: string;
  dumpPath: string;
  /** WAL mode: the database is a base backup plus archived WAL, not a dump (docs/backups.md). */
  wal?: WalManifest;
}

/** How a WAL-mode backup's database comes back: the base of run `baseRunId`, then the segments under `walDir`. */
export interface WalManifest {
  baseRunId: string;
  /** The database of the cluster the installation uses (a base backup holds the whole cluster). */
  database: string;
  /** The archive directory's path inside the files snapshot. */
  walDir: string;
}

export type ManifestBlob = [key: string, sha256: string];

/** Written line by line, so a million blobs never sit in memory at once. */
export class ManifestWriter {
  private readonly out;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'w' });
  }

  async line(value: unknown): Promise<void> {
    if (!this.out.write(`${JSON.stringify(value)}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Reads the blobs (one callback each) and returns the header, the manifest's last line. */
export async function readManifest(path: string, onBlob: (blob: ManifestBlob) => Promise<void>): Promise<ManifestHeader> {
  let header: ManifestHeader | null = null;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const value = JSON.parse(line) as ManifestBlob | ManifestHeader;
    if (Array.isArray(value)) {
      await onBlob(value);
      continue;
    }
    if (value.format !== MANIFEST_FORMAT) throw new Error(`not a backup manifest (${String(value.format)})`);
    header = value;
  }
  if (!header) throw new Error('the backup manifest has no header: it was cut short');
  return header;
}
