import { spawn } from 'node:child_process';
import { dyingWithParent } from './parent-death';

export interface CommandOptions {
  /** The whole process group is killed when this runs out. */
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Standard output kept beyond this is dropped (the caller asked for a file, not a stream). */
  maxStdoutBytes?: number;
  /** Killed by the kernel when this process dies, even by SIGKILL (dyingWithParent). */
  dieWithParent?: boolean;
}

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  /** The last few kilobytes, for error messages and logs. */
  stderr: string;
}

/** Thrown after a command ran out of time and its whole process group was killed. */
export class CommandTimeoutError extends Error {
  constructor(readonly command: string, readonly timeoutMs: number) {
    super(`${command} did not finish within ${timeoutMs} ms`);
    this.name = 'CommandTimeoutError';
  }
}

const STDERR_TAIL_BYTES = 4096;
const DEFAULT_MAX_STDOUT_BYTES = 64 * 1024 * 1024;

/**
 * Runs an external tool (LibreOffice, tesseract, poppler) without a shell, in a process group of
 * its own: tools like `soffice` start helpers that outlive their parent, and killing only the
 * parent would leave them running. A non-zero exit is returned, not thrown; the caller knows what
 * it means for that tool.
 */
export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const env = options.env ?? process.env;
    const command = options.dieWithParent ? dyingWithParent(file, args, env.PATH) : { file, args: [...args] };
    const child = spawn(command.file, command.args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const maxStdout = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES;
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdoutBytes + chunk.length <= maxStdout) stdout.push(chunk);
      stdoutBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, Math.max(1, options.timeoutMs));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      // 'close' comes once every holder of the pipes (helpers included) has gone.
      clearTimeout(timer);
      if (timedOut) reject(new CommandTimeoutError(file, options.timeoutMs));
      else resolve({ exitCode, signal, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
