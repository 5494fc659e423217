import { FileService, MediaType, ReceivedFile } from '@eoffice/core';
import { verifyPdfSignatures } from '@eoffice/signing';
import { withSigningErrors } from './signing-errors';

/**
 * A PDF the signing library can read (not corrupt, not encrypted), checked when it is uploaded so
 * that signing or issuing never fails on it later. Files of other types are converted first.
 */
export async function assertSignablePdf(files: FileService, received: ReceivedFile): Promise<void> {
  if (received.mimeType !== MediaType.pdf) return;
  const bytes = await files.readBytes(received);
  await withSigningErrors(() => verifyPdfSignatures(bytes));
}
