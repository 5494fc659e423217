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
  fonts?: Partial<FontFiles>;
}

const NAME_SIZE = 11;
const NAME_BAND = NAME_SIZE * 1.6;

/** The part of the leader's widget reserved for the signature image (above the name line). */
export function leaderImageBox(width: number, height: number): Rect {
  return { x: 0, y: NAME_BAND, width, height: Math.max(1, height - NAME_BAND) };
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
 * (bold, as box 7b prints it) underneath.
 */
export async function buildLeaderAppearance(context: PDFContext, width: number, height: number, input: LeaderAppearanceInput): Promise<PDFRef> {
  const builder = new AppearanceBuilder(context);
  const image = await builder.image(input.signatureImage);
  const placed = fitImage(leaderImageBox(width, height), image.width, image.height);
  builder.drawImage(image, placed.x, placed.y, placed.width, placed.height);
  if (input.showSignerName === false) return builder.build(width, height);
  const font = await builder.font(fontFile('bold', input.fonts));
  const size = fitFontSize(font, input.signerName, width, NAME_SIZE);
  builder.drawText(font, input.signerName, (width - textWidth(font, input.signerName, size)) / 2, NAME_BAND * 0.3, size);
  return builder.build(width, height);
}
