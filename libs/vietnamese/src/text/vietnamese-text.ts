import { VNI_TO_UNICODE } from './legacy/vni-table';

/**
 * Vietnamese text must be Unicode (TCVN 6909:2001). Text typed with the legacy TCVN3 (ABC,
 * .VnTime fonts) or VNI encodings arrives as Latin-1 look-alikes ("Céng hoµ", "Coäng hoøa");
 * stored as is, it can never be searched or rendered correctly, so it is refused.
 */

// TCVN3 puts Vietnamese letters on Latin-1 symbols that never touch a letter in real text:
// § ¨ © ª « ¬ ­ ® µ ¶ · ¸ ¹ ("hoµ", "Gi¸o", "§µo"). Accented Latin letters (é, ï) are left
// out on purpose: French or Portuguese names use them too.
const TCVN3_IN_WORD = /\p{L}[\u00A7-\u00AE\u00B5-\u00B9]|[\u00A7-\u00AE\u00B5-\u00B9]\p{L}/u;
// VNI writes a base letter followed by a tone/shape letter from Latin-1 (Vieät, hoøa, Quoác).
// VNI writes a letter as a base letter plus one or two Latin-1 marks (Vieät, hoøa, Quoác): count
// those two-character spellings. One can be a French word ("naïve", "Israël"); VNI text has them
// in nearly every word.
const VNI_SEQUENCE = new RegExp(
  [...VNI_TO_UNICODE.keys()]
    .filter((key) => key.length > 1)
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const VNI_MIN_PAIRS = 2;

export type LegacyEncoding = 'TCVN3' | 'VNI';

export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const pairs = text.match(VNI_SEQUENCE)?.length ?? 0;
  // VNI's đ is ñ: with one pair beside it, a short phrase ("Quyeát ñònh") is already clear.
  const evidence = pairs + (pairs > 0 && /[ñÑ]/.test(text) ? 1 : 0);
  if (evidence >= VNI_MIN_PAIRS && !hasUnicodeVietnamese(text)) return 'VNI';
  if (TCVN3_IN_WORD.test(text) && !hasUnicodeVietnamese(text)) return 'TCVN3';
  return null;
}

/** Letters no legacy encoding produces: ă, đ, ơ, ư and the precomposed tone marks (U+1EA0–U+1EF9). */
function hasUnicodeVietnamese(text: string): boolean {
  return /[ăđơưĂĐƠƯ\u1EA0-\u1EF9]/.test(text.normalize('NFC'));
}
