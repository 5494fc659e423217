import { PDFHexString } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { formatPdfDate } from '../decree30/vietnam-time';
import { ascii } from '../pdf/pdf-bytes';
import { AppendedRevision } from '../pdf/incremental-writer';

export interface SignatureDictionaryInput {
  signingTime: Date;
  /** Bytes reserved for the DER-encoded CMS; /Contents holds twice as many hex digits. */
  reservedBytes: number;
  signerName?: string;
  reason?: string;
  location?: string;
  /** A document time-stamp (ETSI.RFC3161, PAdES B-LTA) carries a bare RFC 3161 token and no /M. */
  kind?: 'signature' | 'documentTimestamp';
}

export interface SignatureDictionaryBody {
  body: Buffer;
  /** Offsets inside `body`. */
  byteRangeStart: number;
  byteRangeLength: number;
  contentsStart: number;
  contentsLength: number;
}

const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

/**
 * The signature dictionary with fixed-width placeholders, so that the real /ByteRange and CMS can
 * be written in place once the file's final length is known (ISO 32000-1 §12.8.1).
 */
export function buildSignatureDictionary(input: SignatureDictionaryInput): SignatureDictionaryBody {
  const timestamp = input.kind === 'documentTimestamp';
  const head = [
    timestamp ? '<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161' : '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    // A date is an ASCII string (ISO 32000-1 §7.9.4); readers parse it, so no UTF-16 here.
    timestamp ? '' : `/M (${formatPdfDate(input.signingTime)})`,
    input.signerName ? `/Name ${PDFHexString.fromText(input.signerName.normalize('NFC')).toString()}` : '',
    input.reason ? `/Reason ${PDFHexString.fromText(input.reason.normalize('NFC')).toString()}` : '',
    input.location ? `/Location ${PDFHexString.fromText(input.location.normalize('NFC')).toString()}` : '',
    '/ByteRange ',
  ].filter(Boolean).join('\n');
  const contentsPrefix = '\n/Contents ';
  const body = ascii(`${head}${BYTE_RANGE_PLACEHOLDER}${contentsPrefix}<${'0'.repeat(input.reservedBytes * 2)}>\n>>`);
  return {
    body,
    byteRangeStart: head.length,
    byteRangeLength: BYTE_RANGE_PLACEHOLDER.length,
    contentsStart: head.length + BYTE_RANGE_PLACEHOLDER.length + contentsPrefix.length,
    contentsLength: input.reservedBytes * 2 + 2,
  };
}

export type ByteRange = [number, number, number, number];

/**
 * Writes the real /ByteRange into the placeholder (padded with spaces) and returns it. The
 * placeholder is in `written.revision`, the new revision that ends the file.
 */
export function fillByteRange(written: AppendedRevision, bodyOffset: number, dictionary: SignatureDictionaryBody): ByteRange {
  const contentsAt = bodyOffset + dictionary.contentsStart;
  const afterContents = contentsAt + dictionary.contentsLength;
  const fileLength = written.offset + written.revision.length;
  const byteRange: ByteRange = [0, contentsAt, afterContents, fileLength - afterContents];
  const text = `[${byteRange.join(' ')}]`;
  if (text.length > dictionary.byteRangeLength) throw new SigningError('PDF_MALFORMED', 'File too large for the /ByteRange placeholder');
  written.revision.write(text.padEnd(dictionary.byteRangeLength, ' '), bodyOffset - written.offset + dictionary.byteRangeStart, 'latin1');
  return byteRange;
}

export function signedChunks(file: Uint8Array, byteRange: ByteRange): Uint8Array[] {
  return [file.subarray(byteRange[0], byteRange[0] + byteRange[1]), file.subarray(byteRange[2], byteRange[2] + byteRange[3])];
}

/**
 * Puts the CMS into the reserved /Contents hex string, in place (the rest stays zero padding).
 * `target` holds the file's bytes from `targetOffset` on, /Contents included: a buffer the step
 * wrote itself, never the caller's input, so that a large PDF is not copied to fill a few kilobytes.
 */
export function embedCmsInPlace(target: Buffer, targetOffset: number, byteRange: ByteRange, cms: Buffer): void {
  const capacity = (byteRange[2] - byteRange[1] - 2) / 2;
  if (cms.length > capacity) {
    throw new SigningError('SIGNATURE_TOO_LARGE', `The signature needs ${cms.length} bytes but only ${capacity} were reserved`);
  }
  if (byteRange[1] < targetOffset) throw new Error('embedCmsInPlace: /Contents lies before the buffer given');
  target.write(cms.toString('hex'), byteRange[1] + 1 - targetOffset, 'latin1');
}
