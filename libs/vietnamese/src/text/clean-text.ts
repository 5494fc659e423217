import { AppError } from '@eoffice/core';
import { convertLegacyVietnamese } from './legacy/legacy-converter';
import { detectLegacyEncoding } from './vietnamese-text';

export interface CleanTextOptions {
  /** The client asked to convert TCVN3/VNI text to Unicode instead of having it refused. */
  convertLegacy?: boolean;
}

/** NFC, trimmed, inner whitespace collapsed; refuses legacy encodings with LEGACY_ENCODING. */
export function cleanVietnameseText(value: string, field: string, options: CleanTextOptions = {}): string {
  const text = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  const legacy = detectLegacyEncoding(text);
  if (legacy && options.convertLegacy) return convertLegacyVietnamese(text, legacy);
  if (legacy) {
    throw new AppError(
      400,
      'LEGACY_ENCODING',
      `Trường "${field}" dùng bảng mã cũ ${legacy}; hãy chuyển sang Unicode (TCVN 6909:2001) (legacy ${legacy} text)`,
      [{ field, message: `${legacy}-encoded text; convert to Unicode` }],
    );
  }
  return text;
}
