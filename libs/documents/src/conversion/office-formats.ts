import { MediaType } from '@eoffice/core';

/** The word-processing formats LibreOffice turns into PDF for signing (drafts, originals). */
export type OfficeExtension = 'docx' | 'odt' | 'doc' | 'rtf';

interface OfficeFormat {
  mimeType: string;
  /**
   * LibreOffice's import filter. Naming it matters: left to guess, LibreOffice opens a damaged
   * file as plain text and "converts" it into a PDF of garbage instead of failing.
   */
  importFilter: string;
  /** The first bytes every file of the format starts with. */
  signature: Buffer;
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');

export const OFFICE_FORMATS: Record<OfficeExtension, OfficeFormat> = {
  docx: { mimeType: MediaType.docx, importFilter: 'MS Word 2007 XML', signature: ZIP },
  odt: { mimeType: MediaType.odt, importFilter: 'writer8', signature: ZIP },
  doc: { mimeType: MediaType.ole, importFilter: 'MS Word 97', signature: Buffer.from('d0cf11e0a1b11ae1', 'hex') },
  rtf: { mimeType: MediaType.rtf, importFilter: 'Rich Text Format', signature: Buffer.from('{\\rtf', 'latin1') },
};

/** The extension to convert a stored file with, from its detected media type; null if not a word-processing file. */
export function officeExtensionOf(mimeType: string): OfficeExtension | null {
  const found = (Object.keys(OFFICE_FORMATS) as OfficeExtension[]).find((ext) => OFFICE_FORMATS[ext].mimeType === mimeType);
  return found ?? null;
}

export function hasOfficeSignature(extension: OfficeExtension, head: Buffer): boolean {
  const { signature } = OFFICE_FORMATS[extension];
  return head.length >= signature.length && head.subarray(0, signature.length).equals(signature);
}
