import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** util-linux's `setpriv`, looked up once; null where it is not installed (not Linux). */
let setpriv: string | null | undefined;

function findExecutable(program: string, path: string | undefined): string | null {
  const candidates = program.includes('/') ? [program] : (path ?? '').split(delimiter).filter(isAbsolute).map((dir) => join(dir, program));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/**
 * The program and arguments to spawn so that the kernel kills the child (SIGKILL) when this
 * process dies, however it dies: `setpriv --pdeathsig KILL` sets the flag and then becomes the
 * program (same process, same process group). Children run in a process group of their own (a
 * timeout kills a tool with its helpers), so without this a worker killed outright leaves them
 * running: a backup's restic would finish a snapshot nobody records or verifies, or one of a dump
 * that pg_dump cut once nobody held the pipe open any more. A program that cannot be found is
 * returned as it is, so spawning it still fails with ENOENT; without setpriv, nothing changes.
 */
export function dyingWithParent(program: string, args: readonly string[], path = process.env.PATH): { file: string; args: string[] } {
  if (setpriv === undefined) setpriv = process.platform === 'linux' ? findExecutable('setpriv', process.env.PATH ?? '/usr/bin:/bin') : null;
  const resolved = findExecutable(program, path);
  if (!setpriv || !resolved) return { file: program, args: [...args] };
  return { file: setpriv, args: ['--pdeathsig', 'KILL', '--', resolved, ...args] };
}
