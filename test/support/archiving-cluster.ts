import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster of its own (initdb in `dir`, its own port) that archives every WAL
 * segment into `dir/wal`, as BACKUP_MODE=wal needs (docs/backups.md): the machine's shared server
 * does not archive. Run as the postgres user when this process is root (PostgreSQL refuses root).
 */
export interface ArchivingCluster {
  port: number;
  walDir: string;
  binDir: string;
  /** A URL of a database on this cluster. */
  url(database: string): string;
  stop(): void;
}

export function postgresBinDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

const asRoot = () => process.getuid?.() === 0;

function asPostgres(program: string, args: string[]): void {
  const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** PostgreSQL's documented example, through a temporary name so a half copy never looks archived. */
export function archiveCommand(walDir: string): string {
  return `test ! -f ${walDir}/%f && cp %p ${walDir}/%f.tmp && mv ${walDir}/%f.tmp ${walDir}/%f`;
}

export function startArchivingCluster(dir: string, port: number, settings: Record<string, string> = {}): ArchivingCluster {
  const binDir = postgresBinDir();
  const data = join(dir, 'data');
  const walDir = join(dir, 'wal');
  const socket = join(dir, 'run');
  const logs = join(dir, 'log');
  for (const d of [dir, data, walDir, socket, logs]) mkdirSync(d, { recursive: true });
  // The postgres user walks down to its directories (a test's temporary directory is 0700 by default).
  chmodSync(dir, 0o755);
  if (asRoot()) execFileSync('chown', ['-R', 'postgres:postgres', data, walDir, socket, logs]);
  asPostgres(`${binDir}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const conf: Record<string, string> = {
    port: String(port),
    listen_addresses: '127.0.0.1',
    unix_socket_directories: socket,
    archive_mode: 'on',
    archive_command: archiveCommand(walDir),
    archive_timeout: '60',
    wal_keep_size: '512MB',
    fsync: 'off',
    ...settings,
  };
  appendFileSync(join(data, 'postgresql.conf'), Object.entries(conf).map(([k, v]) => `${k} = '${v.replace(/'/g, "''")}'\n`).join(''));
  asPostgres(`${binDir}/pg_ctl`, ['-D', data, '-l', join(logs, 'postgres.log'), '-w', 'start']);
  return {
    port,
    walDir,
    binDir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        asPostgres(`${binDir}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
    },
  };
}

/** Copies a database (the suite's migrated one) into the cluster: pg_dump | pg_restore, no owners. */
export function copyInto(sourceUrl: string, cluster: ArchivingCluster, database: string): string {
  execFileSync(`${cluster.binDir}/createdb`, ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', database]);
  execFileSync('bash', ['-o', 'pipefail', '-c', `pg_dump --format=custom --no-owner --no-privileges "$1" | pg_restore --no-owner --no-privileges --exit-on-error --dbname="$2"`, 'copy', sourceUrl, cluster.url(database)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return cluster.url(database);
}
