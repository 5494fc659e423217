import { PDFContext } from 'pdf-lib';
import { AppearanceBuilder, textWidth } from './appearance-builder';
import { FontFiles, fontFile } from './font-files';
import { BuiltAppearance } from './organisation-appearance';

const TEXT_SIZE = 10;
const LINE_HEIGHT = 12;
const PADDING = 2;

/**
 * Agency signature on an appendix in a separate file (ND 30 Phụ lục I): no image, text only,
 * 10 pt regular black (DejaVu Serif standing in for Times New Roman).
 */
export async function buildAppendixAppearance(context: PDFContext, lines: string[], fonts?: Partial<FontFiles>): Promise<BuiltAppearance> {
  const builder = new AppearanceBuilder(context);
  const font = await builder.font(fontFile('regular', fonts));
  const width = Math.max(...lines.map((line) => textWidth(font, line, TEXT_SIZE))) + 2 * PADDING;
  const height = lines.length * LINE_HEIGHT + 2 * PADDING;
  lines.forEach((line, i) => {
    const lineWidth = textWidth(font, line, TEXT_SIZE);
    // Right-aligned: the block hugs the top-right corner of the page.
    builder.drawText(font, line, width - PADDING - lineWidth, height - PADDING - (i + 1) * LINE_HEIGHT + 3, TEXT_SIZE);
  });
  return { ref: await builder.build(width, height), width, height };
}
