import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian packages providing the command-line tools the specs check PDFs with. */
const PACKAGES: Record<string, string> = {
  pdfsig: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  qpdf: 'qpdf',
  openssl: 'openssl',
  soffice: 'libreoffice-writer-nogui',
  certutil: 'libnss3-tools',
  pk12util: 'libnss3-tools',
};

/** Fails loudly (never skips) when a checking tool is missing, naming the package to install. */
export function requireTool(command: keyof typeof PACKAGES): void {
  const probe = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`"${command}" is not installed; these tests need it. Install the Debian package: apt-get install -y ${PACKAGES[command]}`);
  }
}

export interface ToolResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): ToolResult {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: options.cwd, timeout: options.timeoutMs });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function runToolBinary(command: string, args: string[]): Buffer {
  return execFileSync(command, args, { maxBuffer: 64 * 1024 * 1024 });
}

let scratch: string | undefined;

// Jest gives every spec file its own module registry, so this runs once per spec file using it.
afterAll(() => {
  if (scratch && process.env.KEEP_SIGNING_TEST_FILES !== '1') rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/**
 * Writes bytes to a file in a per-process temporary directory and returns its path. The directory
 * is removed on exit unless KEEP_SIGNING_TEST_FILES=1 (to look at the rendered pages).
 */
export function tempFile(name: string, bytes?: Uint8Array): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'eoffice-signing-'));
  const path = join(scratch, name);
  if (bytes) writeFileSync(path, bytes);
  return path;
}
