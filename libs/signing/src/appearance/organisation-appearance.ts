import { PDFContext, PDFRef } from 'pdf-lib';
import { formatVietnamIso } from '../decree30/vietnam-time';
import { AppearanceBuilder, fitFontSize, wrapText } from './appearance-builder';
import { FontFiles, fontFile } from './font-files';

export interface OrganisationAppearanceInput {
  /** Red round seal, transparent PNG. */
  sealImage: Uint8Array;
  /** Seal diameter on paper, in points (real size). */
  sealSize: number;
  agencyName: string;
  signingTime: Date;
  fonts?: Partial<FontFiles>;
}

export interface BuiltAppearance {
  ref: PDFRef;
  width: number;
  height: number;
}

const TEXT_SIZE = 6.5;
const LINE_GAP = 1.25;

/**
 * Box 8 of ND 30: the seal at real size; under it the agency name and the signing time in
 * ISO 8601 with +07:00 (TT 01/2019's text), in small type so it stays within the seal's width.
 * The seal sits at the top of the widget, the text band below it.
 */
export async function buildOrganisationAppearance(context: PDFContext, input: OrganisationAppearanceInput): Promise<BuiltAppearance> {
  const builder = new AppearanceBuilder(context);
  const font = await builder.font(fontFile('regular', input.fonts));
  const time = formatVietnamIso(input.signingTime);
  const size = Math.min(TEXT_SIZE, fitFontSize(font, time, input.sealSize, TEXT_SIZE));
  const lines = [...wrapText(font, input.agencyName, input.sealSize, size), time];
  const band = lines.length * size * LINE_GAP + 2;
  const width = input.sealSize;
  const height = input.sealSize + band;
  const image = await builder.image(input.sealImage);
  builder.drawImage(image, 0, band, input.sealSize, input.sealSize);
  lines.forEach((line, i) => builder.drawText(font, line, 0, band - (i + 1) * size * LINE_GAP, size));
  return { ref: await builder.build(width, height), width, height };
}
