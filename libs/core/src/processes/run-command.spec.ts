import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { dyingWithParent } from './parent-death';
import { CommandTimeoutError, runCommand } from './run-command';

/** Running or sleeping; a killed process waiting to be reaped (zombie, Z) does not count. */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

describe('runCommand (real processes)', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'run-command-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('returns the output and a non-zero exit code without throwing', async () => {
    const result = await runCommand('sh', ['-c', 'printf "xin chào"; echo lỗi >&2; exit 3'], { timeoutMs: 5000 });
    expect(result.stdout.toString('utf8')).toBe('xin chào');
    expect(result.stderr.trim()).toBe('lỗi');
    expect(result.exitCode).toBe(3);
  });

  it('kills the whole process group on timeout, helpers included', async () => {
    const pidFile = join(dir, 'helper.pid');
    const started = Date.now();
    const pending = runCommand('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { timeoutMs: 300 });
    await expect(pending).rejects.toBeInstanceOf(CommandTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
    const helper = Number(await readFile(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    expect(await isRunning(helper)).toBe(false);
  });

  it('rejects when the program does not exist', async () => {
    await expect(runCommand('/nonexistent/tool', [], { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('dies with its parent when asked, even when the parent is killed outright', async () => {
    const pidFile = join(dir, 'child.pid');
    const command = dyingWithParent('sleep', ['30']);
    // A parent that starts the child and waits; SIGKILL gives it no chance to pass anything on.
    const parent = spawn('sh', ['-c', `"$@" & echo $! > ${pidFile}; wait`, 'sh', command.file, ...command.args], { stdio: 'ignore' });
    let child = 0;
    for (let i = 0; i < 100 && !child; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      child = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
    }
    expect(await isRunning(child)).toBe(true);
    parent.kill('SIGKILL');
    let alive = true;
    for (let i = 0; i < 100 && alive; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      alive = await isRunning(child);
    }
    expect(alive).toBe(false);
  });

  it('leaves a program it cannot find as it is, so spawning it still fails with ENOENT', async () => {
    expect(dyingWithParent('/nonexistent/tool', ['a'])).toEqual({ file: '/nonexistent/tool', args: ['a'] });
    await expect(runCommand('/nonexistent/tool', [], { timeoutMs: 1000, dieWithParent: true })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
