import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { CommandResult, dyingWithParent, runCommand } from '@eoffice/core';
import { directoryBytes, localPath } from './local-repository';

/** One backup destination: a restic repository and what restic needs to open it. */
export interface Destination {
  /** `1` or `2`: how the configuration names it (BACKUP_REPOSITORY / BACKUP_REPOSITORY_2). */
  name: string;
  repository: string;
  password: string;
  s3?: { accessKeyId?: string; secretAccessKey?: string; region?: string; caFile?: string };
}

/** What `restic check` read: the repository's structure, or every pack's data too. */
export type Verification = 'structure' | 'read-data';

export interface BackupSummary {
  snapshotId: string;
  dataAddedBytes: number;
  totalBytesProcessed: number;
}

/**
 * A `restic backup --stdin` in progress: what is written to `input` becomes one file of a new
 * snapshot once `input` is ended; `abort` kills restic first, and restic then writes no snapshot.
 */
export interface StdinBackup {
  input: Writable;
  done: Promise<BackupSummary>;
  abort(): void;
}

export interface SnapshotInfo {
  id: string;
  time: string;
  tags: string[];
  paths: string[];
}

/** restic failed; `reason` is its own words, cut to what a person reads in a list. */
export class ResticError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ResticError';
  }
}

/** What restic says when it cannot open a repository because it does not exist yet. */
const NOT_A_REPOSITORY = /(unable to open config file|Is there a repository at the following location|repository does not exist|config file does not exist)/i;
/** What restic says when another (possibly dead) process holds a lock on the repository. */
const LOCKED = /(repository is already locked|unable to create lock)/i;

/**
 * Runs the restic program, never through a shell: arguments are passed as they are and secrets go
 * through the environment, never the command line (which every user of the machine can read).
 */
export class Restic {
  constructor(
    private readonly destination: Destination,
    private readonly timeoutMs: () => number,
    private readonly program = 'restic',
  ) {}

  private env(): NodeJS.ProcessEnv {
    const { repository, password, s3 } = this.destination;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      RESTIC_REPOSITORY: repository,
      RESTIC_PASSWORD: password,
      RESTIC_CACHE_DIR: process.env.RESTIC_CACHE_DIR,
    };
    if (s3?.accessKeyId) env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    if (s3?.secretAccessKey) env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
    if (s3?.region) env.AWS_DEFAULT_REGION = s3.region;
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    return env;
  }

  /** A private S3 endpoint's own CA (MinIO, Ceph behind an internal certificate authority). */
  private withCa(args: string[]): string[] {
    const caFile = this.destination.s3?.caFile;
    return caFile && localPath(this.destination.repository) === null ? ['--cacert', caFile, ...args] : args;
  }

  async run(args: string[], options: { maxStdoutBytes?: number } = {}): Promise<CommandResult> {
    args = this.withCa(args);
    try {
      // restic dies with the worker: a killed worker leaves a stale lock (removed by the next run), never a
      // restic finishing on its own a snapshot no run records.
      return await runCommand(this.program, args, { timeoutMs: this.timeoutMs(), env: this.env(), maxStdoutBytes: options.maxStdoutBytes, dieWithParent: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ResticError(`restic is not installed (${this.program} not found)`);
      throw new ResticError(`restic ${args[0]}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async ok(args: string[], options: { maxStdoutBytes?: number } = {}): Promise<CommandResult> {
    const result = await this.run(args, options);
    if (result.exitCode !== 0) throw new ResticError(`restic ${args[0]} (destination ${this.destination.name}): ${describe(result)}`);
    return result;
  }

  /**
   * Opens the repository, creating it when the destination is empty or missing. A local repository
   * whose config file is there needs no restic call (each one loads the repository's keys).
   */
  async openOrInit(): Promise<void> {
    const local = localPath(this.destination.repository);
    if (local !== null && (await stat(join(local, 'config')).then((s) => s.isFile(), () => false))) return;
    const probe = await this.run(['cat', 'config', '--no-lock']);
    if (probe.exitCode === 0) return;
    if (!NOT_A_REPOSITORY.test(probe.stderr)) {
      throw new ResticError(`restic cannot open destination ${this.destination.name}: ${describe(probe)}`);
    }
    await this.ok(['init']);
  }

  /**
   * Runs a command; when a lock stops it, removes the stale locks (`restic unlock` leaves a live
   * process's lock alone: those of a worker killed mid-backup) and tries once more. Only then: an
   * `unlock` on every run would cost one more repository opening per backup.
   */
  async withStaleLocksRemoved<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ResticError) || !LOCKED.test(error.reason)) throw error;
      await this.ok(['unlock']);
      return step();
    }
  }

  /** `compression: 'off'` stores the data as it is (restic's default is zstd, `auto`). */
  async backup(paths: string[], tags: string[], options: { compression?: 'off' } = {}): Promise<BackupSummary> {
    const args = ['backup', '--json', ...(options.compression ? ['--compression', options.compression] : []), ...tags.flatMap((t) => ['--tag', t]), ...paths];
    const result = await this.ok(args, { maxStdoutBytes: 256 * 1024 * 1024 });
    return this.summaryOf(result.stdout.toString('utf8'));
  }

  /**
   * `restic backup --stdin`: the caller streams the file in (pg_dump's output, never written to
   * disk first). Not retried on a lock here: the stream cannot be replayed, the caller dumps again.
   */
  backupStdin(filename: string, tags: string[]): StdinBackup {
    const args = ['backup', '--json', '--stdin', '--stdin-filename', filename, ...tags.flatMap((t) => ['--tag', t])];
    const env = this.env();
    const command = dyingWithParent(this.program, this.withCa(args), env.PATH);
    const child = spawn(command.file, command.args, { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    // Only the end matters: the summary is the last line; the progress lines before it are dropped.
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-65_536)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
    // A restic that stopped reading (a lock, a full disk) makes writes fail with EPIPE: its exit says why.
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(kill, Math.max(1, this.timeoutMs()));
    const done = new Promise<BackupSummary>((resolve, reject) => {
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new ResticError(error.code === 'ENOENT' ? `restic is not installed (${this.program} not found)` : `restic backup: ${error.message}`));
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        if (exitCode !== 0) {
          reject(new ResticError(`restic backup --stdin (destination ${this.destination.name}): ${describe({ exitCode, signal, stdout: Buffer.alloc(0), stderr })}`));
          return;
        }
        try {
          resolve(this.summaryOf(stdout));
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    done.catch(() => undefined); // awaited by the caller; never an unhandled rejection meanwhile
    return { input: child.stdin, done, abort: kill };
  }

  private summaryOf(stdout: string): BackupSummary {
    const summary = stdout
      .split('\n')
      .filter((line) => line.includes('"summary"'))
      .map((line) => JSON.parse(line) as { snapshot_id: string; data_added: number; total_bytes_processed: number })
      .pop();
    if (!summary?.snapshot_id) throw new ResticError(`restic backup (destination ${this.destination.name}) wrote no snapshot`);
    return { snapshotId: summary.snapshot_id, dataAddedBytes: summary.data_added, totalBytesProcessed: summary.total_bytes_processed };
  }

  /** `restic check`; with `readData`, every pack is read back and its hashes compared. Answers what it checked. */
  async check(readData: boolean): Promise<Verification> {
    await this.ok(['check', ...(readData ? ['--read-data'] : [])]);
    return readData ? 'read-data' : 'structure';
  }

  /** Bytes the repository takes (after dedup and compression); a local one is measured on disk, without restic. */
  async totalSize(): Promise<number> {
    const local = localPath(this.destination.repository);
    if (local !== null) return directoryBytes(local);
    const result = await this.ok(['stats', '--json', '--mode', 'raw-data', '--no-lock']);
    return Number((JSON.parse(result.stdout.toString('utf8')) as { total_size: number }).total_size);
  }

  /** Snapshots carrying any of the tags. */
  async snapshots(...tags: string[]): Promise<SnapshotInfo[]> {
    const result = await this.ok(['snapshots', '--json', '--no-lock', ...tags.flatMap((t) => ['--tag', t])]);
    return (JSON.parse(result.stdout.toString('utf8') || '[]') as { short_id: string; id: string; time: string; tags?: string[]; paths: string[] }[]).map((s) => ({
      id: s.id,
      time: s.time,
      tags: s.tags ?? [],
      paths: s.paths,
    }));
  }

  /** Removes these snapshots; with `prune`, then every pack nothing refers to any more. */
  async forgetIds(ids: string[], prune: boolean): Promise<void> {
    if (ids.length) await this.ok(['forget', ...(prune ? ['--prune'] : []), ...ids]);
    else if (prune) await this.ok(['prune']);
  }

  /** Restores a snapshot under `target` (restic recreates the absolute paths it backed up below it). */
  async restore(snapshotId: string, target: string): Promise<void> {
    await this.ok(['restore', snapshotId, '--target', target]);
  }
}

/** The useful part of a failed run: restic's last lines, without the progress noise. */
function describe(result: CommandResult): string {
  const lines = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const text = lines.slice(-4).join(' | ') || `exit code ${result.exitCode ?? result.signal}`;
  return text.slice(0, 800);
}
