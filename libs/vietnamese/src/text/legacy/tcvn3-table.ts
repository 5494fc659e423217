/**
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC keyboard with .VnTime fonts) to Unicode.
 *
 * Keys are the characters the API receives when TCVN3 bytes were read as Windows-1252 /
 * Latin-1: byte 0xB5 arrives as "µ" and stands for "à". VN3 uses no byte in 0x80–0x9F, so
 * Windows-1252 and Latin-1 readings give the same keys.
 *
 * Capitals: VN3 has codes only for Ă Â Ê Ô Ơ Ư Đ. ABC fonts draw every other capital with a
 * second font (.VnTimeH) that paints the lower-case codes as capitals, so "ñy ban" may have
 * been shown as "ỦY BAN". The font is not part of the text and the caller cannot know it,
 * so those codes always become lower-case letters ("ủy ban").
 *
 * Not mapped on purpose: the extra capitals that only the full VN1 set places on Latin-1
 * letters (0xC0–0xC5 "À…Å", 0xD9–0xDB, 0xE0, 0xF0, 0xFF, …). ABC never produces them, and
 * mapping them would turn genuine Latin-1 letters such as "à" into "Ổ".
 *
 * Cross-checked against: glibc iconv TCVN5712-1 (the VN1 superset, lower-case positions are
 * identical), Eruylz/XuatThuy Utils/Unicode2TCVN3.cs, backupvietsoft/HRM
 * ConvertVNI/XtraForm1.cs and duydev/vietnamese-conversion src/charsets.ts.
 */

/** Pairs legacy characters with Unicode letters position by position. */
function zip(legacy: string, unicode: string): Array<[string, string]> {
  const from = [...legacy];
  const to = [...unicode];
  if (from.length !== to.length) throw new Error(`TCVN3 table row mismatch: ${legacy} / ${unicode}`);
  return from.map((char, index) => [char, to[index]]);
}

export const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = new Map([
  // 0xA1–0xA7: the only capitals VN3 encodes.
  ...zip('¡¢£¤¥¦§', 'ĂÂÊÔƠƯĐ'),
  // 0xA8–0xAE. ư is U+00AD SOFT HYPHEN: invisible, so it must survive any clean-up that
  // runs before conversion.
  ...zip('¨©ª«¬\u00AD®', 'ăâêôơưđ'),
  // Each vowel's tones, in TCVN3 order: grave, hook, tilde, acute, dot below.
  ...zip('µ¶·¸¹', 'àảãáạ'), // 0xB5–0xB9
  ...zip('»¼½¾Æ', 'ằẳẵắặ'), // 0xBB–0xBE, 0xC6
  ...zip('ÇÈÉÊË', 'ầẩẫấậ'), // 0xC7–0xCB
  ...zip('ÌÎÏÐÑ', 'èẻẽéẹ'), // 0xCC, 0xCE–0xD1
  ...zip('ÒÓÔÕÖ', 'ềểễếệ'), // 0xD2–0xD6
  ...zip('×ØÜÝÞ', 'ìỉĩíị'), // 0xD7, 0xD8, 0xDC–0xDE
  ...zip('ßáâãä', 'òỏõóọ'), // 0xDF, 0xE1–0xE4
  ...zip('åæçèé', 'ồổỗốộ'), // 0xE5–0xE9
  ...zip('êëìíî', 'ờởỡớợ'), // 0xEA–0xEE
  ...zip('ïñòóô', 'ùủũúụ'), // 0xEF, 0xF1–0xF4
  ...zip('õö÷øù', 'ừửữứự'), // 0xF5–0xF9
  ...zip('úûüýþ', 'ỳỷỹýỵ'), // 0xFA–0xFE
]);
