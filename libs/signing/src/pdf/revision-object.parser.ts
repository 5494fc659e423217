import { PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRef } from 'pdf-lib';
import ByteStream from 'pdf-lib/cjs/core/parser/ByteStream';

/**
 * pdf-lib finds the end of a stream whose /Length is an indirect reference by scanning for
 * "endstream" and counting nested "stream" words, which breaks on content such as "(upstream)".
 * Resolving the reference first lets pdf-lib use the exact length.
 */
export class RevisionObjectParser extends PDFObjectParser {
  constructor(
    bytes: Uint8Array,
    context: PDFContext,
    private readonly resolveLength: (ref: PDFRef) => number | undefined,
  ) {
    super(ByteStream.of(bytes), context);
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
