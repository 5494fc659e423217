import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from '@eoffice/core';
import { localPath } from './local-repository';
import type { Destination } from './restic';

/** Every snapshot this system writes carries this tag, and `run:<backup id>` to find it again. */
export const BACKUP_TAG = 'eoffice-backup';
export const runTag = (backupId: string) => `run:${backupId}`;

export type BackupConfig = Pick<
  AppConfig,
  | 'BACKUP_REPOSITORY'
  | 'BACKUP_REPOSITORY_PASSWORD'
  | 'BACKUP_REPOSITORY_2'
  | 'BACKUP_REPOSITORY_2_PASSWORD'
  | 'BACKUP_S3_ACCESS_KEY_ID'
  | 'BACKUP_S3_SECRET_ACCESS_KEY'
  | 'BACKUP_S3_REGION'
  | 'BACKUP_S3_CA_FILE'
>;

/** The configured destinations; empty when backups are not configured (no repository or no password). */
export function destinationsOf(config: BackupConfig): Destination[] {
  const s3 = { accessKeyId: config.BACKUP_S3_ACCESS_KEY_ID, secretAccessKey: config.BACKUP_S3_SECRET_ACCESS_KEY, region: config.BACKUP_S3_REGION, caFile: config.BACKUP_S3_CA_FILE };
  const list: Destination[] = [];
  if (config.BACKUP_REPOSITORY && config.BACKUP_REPOSITORY_PASSWORD) {
    list.push({ name: '1', repository: config.BACKUP_REPOSITORY, password: config.BACKUP_REPOSITORY_PASSWORD, s3 });
  }
  const password2 = config.BACKUP_REPOSITORY_2_PASSWORD ?? config.BACKUP_REPOSITORY_PASSWORD;
  if (list.length && config.BACKUP_REPOSITORY_2 && password2) {
    list.push({ name: '2', repository: config.BACKUP_REPOSITORY_2, password: password2, s3 });
  }
  return list;
}

/**
 * A local destination's parent must already exist: a backup disk that is not mounted leaves an
 * empty mount point's parent, and restic would otherwise create the repository on the system disk.
 */
export async function assertDestinationPresent(destination: Destination): Promise<void> {
  const path = localPath(destination.repository);
  if (path === null) return;
  const parent = dirname(resolve(path));
  const ok = await stat(parent).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!ok) throw new Error(`destination ${destination.name} is missing: ${parent} does not exist (is the backup disk mounted?)`);
}
