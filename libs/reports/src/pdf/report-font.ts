import type { PDFFont } from 'pdf-lib';

/**
 * An embedded font with the two things a long table needs fast: the width of a run of text and
 * its glyph codes for a `Tj` operator. Both come from per-character caches (and codes also per
 * word: Vietnamese syllables repeat all through a register), so fontkit lays out each distinct
 * character once instead of every line. Characters are encoded one by one, without ligatures,
 * so what is drawn is exactly as wide as what was measured; NFC Vietnamese needs no shaping.
 */
export class ReportFont {
  private readonly charWidths = new Map<string, number>();
  private readonly charCodes = new Map<string, string>();
  private readonly wordCodes = new Map<string, string>();

  constructor(
    readonly pdfFont: PDFFont,
    /** The name the page resources give this font (`/R`, `/B`). */
    readonly resourceName: string,
  ) {}

  width(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.charWidth(char);
    return units * size;
  }

  /** Hex glyph codes of a line (without the angle brackets). */
  glyphCodes(line: string): string {
    return line
      .split(' ')
      .map((word) => this.wordCode(word))
      .join(this.wordCode(' '));
  }

  private charWidth(char: string): number {
    let width = this.charWidths.get(char);
    if (width === undefined) {
      width = this.pdfFont.widthOfTextAtSize(char, 1);
      this.charWidths.set(char, width);
    }
    return width;
  }

  private wordCode(word: string): string {
    let code = this.wordCodes.get(word);
    if (code === undefined) {
      code = '';
      for (const char of word) code += this.charCode(char);
      this.wordCodes.set(word, code);
    }
    return code;
  }

  private charCode(char: string): string {
    let code = this.charCodes.get(char);
    if (code === undefined) {
      code = this.pdfFont.encodeText(char).asString();
      this.charCodes.set(char, code);
    }
    return code;
  }
}
