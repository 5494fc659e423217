import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, runCommand, withTempDir } from '@eoffice/core';

const QPDF_TIMEOUT_MS = 60_000;

/** qpdf exits 3 when it finished with warnings (e.g. a damaged cross-reference it repaired). */
export function qpdfSucceeded(exitCode: number | null): boolean {
  return exitCode === 0 || exitCode === 3;
}

/** Pages of a PDF on disk, counted by qpdf (in its own process: no PDF parsed in the API's heap). */
export async function countPagesAt(path: string): Promise<number> {
  const result = await runCommand('qpdf', ['--show-npages', path], { timeoutMs: QPDF_TIMEOUT_MS });
  const pages = Number(result.stdout.toString().trim());
  if (!qpdfSucceeded(result.exitCode) || !Number.isInteger(pages)) {
    throw new AppError(422, 'PDF_UNREADABLE', `Không đọc được số trang của tệp PDF (qpdf: ${result.stderr.trim().slice(0, 200)})`);
  }
  return pages;
}

/** Pages of a stored PDF: copied out of the store (local or S3) into a private directory first. */
export function countStoredPages(copyTo: (path: string) => Promise<void>): Promise<number> {
  return withTempDir('record-pages', async (dir) => {
    const path = join(dir, 'document.pdf');
    await copyTo(path);
    return countPagesAt(path);
  });
}

/** Blocks up to 32 MiB from the heap (not mmap), and the heap not trimmed: qpdf's process ends with the export anyway. */
const KEEP_FREED_MEMORY = 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824';

/** File descriptors qpdf leaves for itself beside its inputs (its output, stdio, libraries). */
const SPARE_FILES = 64;

/**
 * How qpdf is run to join `inputs` files. Above 200 inputs qpdf by default closes each file after
 * use and reopens it whenever it reads from it again: for 979 scans that was 291,000 open/close
 * pairs and half its CPU time. It keeps them open when the process may hold that many (Node raises
 * its own soft limit to the hard one at start, and qpdf inherits it). And glibc's malloc is told
 * to keep freed memory: qpdf allocates and frees a buffer per stream it copies, which by default
 * glibc hands back to the kernel and takes again, a page fault per 4 KiB (≈ 0.3–0.5 s for 500 MiB).
 */
export function qpdfJoining(inputs: number, openFilesLimit = softOpenFilesLimit()): { args: string[]; env: NodeJS.ProcessEnv } {
  const keepOpen = openFilesLimit !== null && inputs + SPARE_FILES <= openFilesLimit;
  return {
    args: keepOpen ? ['--keep-files-open=y'] : [],
    env: { ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, KEEP_FREED_MEMORY].filter(Boolean).join(':') },
  };
}

/** This process's soft limit of open files (its children inherit it), or null where /proc does not say. */
export function softOpenFilesLimit(limits = readLimits()): number | null {
  const soft = /^Max open files\s+(\d+|unlimited)\s/m.exec(limits ?? '')?.[1];
  if (!soft) return null;
  return soft === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(soft);
}

function readLimits(): string | null {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return null;
  }
}
