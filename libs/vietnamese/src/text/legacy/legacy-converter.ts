import { detectLegacyEncoding, type LegacyEncoding } from '../vietnamese-text';
import { TCVN3_TO_UNICODE } from './tcvn3-table';
import { VNI_TO_UNICODE } from './vni-table';

export interface ToUnicodeResult {
  text: string;
  convertedFrom: LegacyEncoding | null;
}

interface Table {
  map: ReadonlyMap<string, string>;
  longestKey: number;
}

function table(map: ReadonlyMap<string, string>): Table {
  return { map, longestKey: Math.max(...[...map.keys()].map((key) => key.length)) };
}

const TABLES: Record<LegacyEncoding, Table> = {
  TCVN3: table(TCVN3_TO_UNICODE),
  VNI: table(VNI_TO_UNICODE),
};

/**
 * Converts text typed in a legacy Vietnamese encoding to NFC Unicode. Characters outside the
 * table (ASCII, digits, punctuation) pass through unchanged.
 *
 * The input is composed (NFC) first: the legacy characters are all precomposed Latin-1, and a
 * client or proxy that decomposed the text ("ù" → "u" + U+0300) would otherwise hide them.
 */
export function convertLegacyVietnamese(text: string, encoding: LegacyEncoding): string {
  return replaceLongestFirst(text.normalize('NFC'), TABLES[encoding]).normalize('NFC');
}

/**
 * Converts text only when `detectLegacyEncoding` recognises it as TCVN3 or VNI, for clients
 * that ask for conversion instead of a LEGACY_ENCODING refusal. Unicode input comes back
 * NFC-normalised with `convertedFrom: null`.
 */
export function toUnicode(text: string): ToUnicodeResult {
  const encoding = detectLegacyEncoding(text);
  if (!encoding) return { text: text.normalize('NFC'), convertedFrom: null };
  return { text: convertLegacyVietnamese(text, encoding), convertedFrom: encoding };
}

/**
 * Single left-to-right pass trying the longest key first, so VNI "ôù" becomes ớ rather than
 * ơ followed by a stray "ù". One pass also means a converted letter is never read again as
 * a key (TCVN3 "ã" → ó must not then be taken for another code).
 */
function replaceLongestFirst(text: string, { map, longestKey }: Table): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    let length = Math.min(longestKey, text.length - index);
    for (; length > 0; length--) {
      const replacement = map.get(text.slice(index, index + length));
      if (replacement !== undefined) {
        out += replacement;
        break;
      }
    }
    if (length === 0) {
      out += text[index];
      length = 1;
    }
    index += length;
  }
  return out;
}
