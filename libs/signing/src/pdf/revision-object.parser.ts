import { PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRef } from 'pdf-lib';
import ByteStream from 'pdf-lib/cjs/core/parser/ByteStream';
import { latin1 } from './pdf-bytes';

const GREATER_THAN = 0x3e;

/**
 * pdf-lib finds the end of a stream whose /Length is an indirect reference by scanning for
 * "endstream" and counting nested "stream" words, which breaks on content such as "(upstream)".
 * Resolving the reference first lets pdf-lib use the exact length.
 */
export class RevisionObjectParser extends PDFObjectParser {
  constructor(
    private readonly raw: Uint8Array,
    context: PDFContext,
    private readonly resolveLength: (ref: PDFRef) => number | undefined,
  ) {
    super(ByteStream.of(raw), context);
  }

  /**
   * pdf-lib reads a hex string one character at a time; a signature's /Contents is 32,000 of
   * them, read again for every revision a verification looks at. Same result, found with indexOf.
   */
  protected override parseHexString(): PDFHexString {
    const start = this.bytes.offset();
    const end = this.raw.indexOf(GREATER_THAN, start + 1);
    if (end < 0) return super.parseHexString();
    this.bytes.moveTo(end + 1);
    return PDFHexString.of(latin1(this.raw, start + 1, end));
  }

  protected override parseDict(): PDFDict {
    const dict = super.parseDict();
    const length = dict.get(PDFName.of('Length'));
    if (length instanceof PDFRef) {
      const resolved = this.resolveLength(length);
      if (resolved !== undefined) dict.set(PDFName.of('Length'), PDFNumber.of(resolved));
    }
    return dict;
  }
}
