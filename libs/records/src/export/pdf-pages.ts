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
