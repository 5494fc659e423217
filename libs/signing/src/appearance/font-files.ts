import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Standard PDF fonts have no Vietnamese letters such as "Đ" or "ự", so appearances embed a
 * Unicode TrueType font. DejaVu Serif stands in for Times New Roman (ND 30's typeface), which
 * cannot be redistributed; an agency may pass its own font files instead.
 */
export interface FontFiles {
  regular: Uint8Array;
  italic: Uint8Array;
  bold: Uint8Array;
}

const DEJAVU_FILES: Record<keyof FontFiles, string> = {
  regular: 'DejaVuSerif.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
};

const cache = new Map<string, Uint8Array>();

export function defaultFontFile(style: keyof FontFiles): Uint8Array {
  const file = DEJAVU_FILES[style];
  let bytes = cache.get(file);
  if (!bytes) {
    const packageDir = dirname(require.resolve('dejavu-fonts-ttf/package.json'));
    bytes = readFileSync(join(packageDir, 'ttf', file));
    cache.set(file, bytes);
  }
  return bytes;
}

export function fontFile(style: keyof FontFiles, overrides?: Partial<FontFiles>): Uint8Array {
  return overrides?.[style] ?? defaultFontFile(style);
}
