import { PDFContext, PDFRef } from 'pdf-lib';
import { Rect } from '../pdf/page-tree';
import { AppearanceBuilder, fitFontSize, textWidth } from './appearance-builder';
import { FontFiles, fontFile } from './font-files';

export interface LeaderAppearanceInput {
  /** Blue handwritten signature, transparent PNG. */
  signatureImage: Uint8Array;
  signerName: string;
  /** Default true; turn off when the template already prints the name under the signature. */
  showSignerName?: boolean;
  /**
   * Boxes 7a and 7b above the image, e.g. `KT. GIÁM ĐỐC` then `PHÓ GIÁM ĐỐC` (quyền hạn, chức vụ
   * của người ký); none by default, for templates that print them.
   */
  titleLines?: string[];
  fonts?: Partial<FontFiles>;
}

const NAME_SIZE = 11;
const NAME_BAND = NAME_SIZE * 1.6;
const TITLE_SIZE = 11;
const TITLE_LINE = TITLE_SIZE * 1.3;

/** The part of the leader's widget reserved for the signature image (between the title lines and the name line). */
export function leaderImageBox(width: number, height: number, titleLineCount = 0): Rect {
  return { x: 0, y: NAME_BAND, width, height: Math.max(1, height - NAME_BAND - titleLineCount * TITLE_LINE) };
}

/** Scales an image to fit `box`, keeping its proportions, centred. */
export function fitImage(box: Rect, imageWidth: number, imageHeight: number): Rect {
  const scale = Math.min(box.width / imageWidth, box.height / imageHeight);
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/**
 * Box 7c of ND 30: the signature image centred in the signer's place, the signer's full name
 * (bold, as box 7b prints it) underneath and, when given, the authority and position lines
 * (boxes 7a, 7b: `KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC`) above it, so the visible signature says on
 * whose behalf it was made.
 */
export async function buildLeaderAppearance(context: PDFContext, width: number, height: number, input: LeaderAppearanceInput): Promise<PDFRef> {
  const builder = new AppearanceBuilder(context);
  const titles = input.titleLines ?? [];
  const image = await builder.image(input.signatureImage);
  const placed = fitImage(leaderImageBox(width, height, titles.length), image.width, image.height);
  builder.drawImage(image, placed.x, placed.y, placed.width, placed.height);
  if (input.showSignerName === false && !titles.length) return builder.build(width, height);
  const font = await builder.font(fontFile('bold', input.fonts));
  titles.forEach((line, i) => {
    const lineSize = fitFontSize(font, line, width, TITLE_SIZE);
    builder.drawText(font, line, (width - textWidth(font, line, lineSize)) / 2, height - (i + 1) * TITLE_LINE + TITLE_SIZE * 0.25, lineSize);
  });
  if (input.showSignerName === false) return builder.build(width, height);
  const size = fitFontSize(font, input.signerName, width, NAME_SIZE);
  builder.drawText(font, input.signerName, (width - textWidth(font, input.signerName, size)) / 2, NAME_BAND * 0.3, size);
  return builder.build(width, height);
}
