import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The PDF standard fonts have no Vietnamese letters ("Đ", "ự"), so reports embed DejaVu from the
 * `dejavu-fonts-ttf` package, found the way libs/signing finds it. The condensed serif keeps
 * the look of Times New Roman (Decree 30's typeface, not redistributable) while fitting ten
 * register columns on a landscape page.
 */
export type ReportFontStyle = 'regular' | 'bold';

const FILES: Record<ReportFontStyle, string> = {
  regular: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
};

const cache = new Map<ReportFontStyle, Uint8Array>();

export function reportFontFile(style: ReportFontStyle): Uint8Array {
  let bytes = cache.get(style);
  if (!bytes) {
    const packageDir = dirname(require.resolve('dejavu-fonts-ttf/package.json'));
    bytes = readFileSync(join(packageDir, 'ttf', FILES[style]));
    cache.set(style, bytes);
  }
  return bytes;
}
