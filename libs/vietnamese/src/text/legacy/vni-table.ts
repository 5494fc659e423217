/**
 * VNI Windows (VNI-Times and other "VNI-" fonts) to Unicode.
 *
 * VNI writes most letters as an ASCII base letter followed by one Latin-1 mark character
 * ("aù" = á, "eä" = ệ); ơ, ư, đ and the toned i (and ỵ) are single Latin-1 characters, and
 * ơ/ư take their tone as a second character ("ôù" = ớ). Keys are therefore one or two
 * characters long and must be matched longest first ("ôù" before "ô").
 *
 * Cross-checked against: lamdao/xvnkb vni.h and duydev/vietnamese-conversion
 * src/charsets.ts (identical for all 134 letters).
 */

/** Pairs `base + mark` keys with Unicode letters position by position. */
function marks(base: string, markChars: string, unicode: string): Array<[string, string]> {
  const from = [...markChars];
  const to = [...unicode];
  if (from.length !== to.length) throw new Error(`VNI table row mismatch: ${base} ${markChars} / ${unicode}`);
  return from.map((mark, index) => [base + mark, to[index]]);
}

// Tones in VNI keyboard order: acute (1), grave (2), hook (3), tilde (4), dot below (5).
const TONES = 'ùøûõï';
const TONES_AFTER_CIRCUMFLEX = 'áàåãä';
const TONES_AFTER_BREVE = 'éèúüë';

const LOWER: Array<[string, string]> = [
  ...marks('a', TONES, 'áàảãạ'),
  ...marks('a', 'â' + TONES_AFTER_CIRCUMFLEX, 'âấầẩẫậ'),
  ...marks('a', 'ê' + TONES_AFTER_BREVE, 'ăắằẳẵặ'),
  ...marks('e', TONES, 'éèẻẽẹ'),
  ...marks('e', 'â' + TONES_AFTER_CIRCUMFLEX, 'êếềểễệ'),
  ...marks('', 'íìæóò', 'íìỉĩị'), // i takes single characters
  ...marks('o', TONES, 'óòỏõọ'),
  ...marks('o', 'â' + TONES_AFTER_CIRCUMFLEX, 'ôốồổỗộ'),
  ['ô', 'ơ'],
  ...marks('ô', TONES, 'ớờởỡợ'),
  ...marks('u', TONES, 'úùủũụ'),
  ['ö', 'ư'],
  ...marks('ö', TONES, 'ứừửữự'),
  ...marks('y', 'ùøûõ', 'ýỳỷỹ'),
  ['î', 'ỵ'], // y with dot below is a single character, unlike the other y tones
  ['ñ', 'đ'],
];

/**
 * Capitals are the same keys upper-cased (every Latin-1 mark has an upper-case twin:
 * ù/Ù, â/Â, ñ/Ñ …). Pairs whose base and mark disagree in case ("Aù", "aÙ") are accepted as
 * well and take the case of the base letter: no Latin word contains them, and leaving them
 * would put Latin-1 debris ("Aù") into otherwise converted text.
 */
function withCapitals(pairs: Array<[string, string]>): Array<[string, string]> {
  return pairs.flatMap(([vni, unicode]): Array<[string, string]> => {
    const upper: [string, string] = [vni.toUpperCase(), unicode.toUpperCase()];
    if (vni.length === 1) return [[vni, unicode], upper];
    return [
      [vni, unicode],
      upper,
      [vni[0].toUpperCase() + vni[1], unicode.toUpperCase()],
      [vni[0] + vni[1].toUpperCase(), unicode],
    ];
  });
}

/** The 134 canonical VNI spellings (67 lower-case letters and their capitals). */
export const VNI_CANONICAL: ReadonlyMap<string, string> = new Map(
  LOWER.flatMap(([vni, unicode]): Array<[string, string]> => [
    [vni, unicode],
    [vni.toUpperCase(), unicode.toUpperCase()],
  ]),
);

/** Everything the converter accepts: the canonical spellings plus mixed-case pairs. */
export const VNI_TO_UNICODE: ReadonlyMap<string, string> = new Map(withCapitals(LOWER));
