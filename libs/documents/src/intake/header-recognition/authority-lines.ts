import { correctAuthority } from './authority-words';
import { fold, isUpperCase } from './text-folding';

/** First words that open an authority's name; a line that opens otherwise continues the one above ("TỈNH TÂY NINH"). */
const HEADS = [
  'uy ban', 'ubnd', 'hdnd', 'hoi dong', 'bo ', 'so ', 'phong ', 'ban ', 'cuc ', 'tong cuc', 'chi cuc', 'vu ', 'vien ', 'truong ', 'benh vien',
  'trung tam', 'van phong', 'thanh tra', 'kho bac', 'cong an', 'dai hoc', 'toa an', 'bao hiem', 'chinh phu', 'quoc hoi', 'dang uy',
  'ngan hang', 'cong ty', 'lien doan', 'hoi ', 'doan ', 'tinh uy', 'huyen uy', 'thanh uy', 'bo chi huy', 'bo tu lenh', 'hoc vien',
];

const opensAuthority = (line: string) => HEADS.some((head) => `${fold(correctAuthority(line))} `.startsWith(head));

/**
 * The authority cell's lines (above the number), split into the parent authority (cơ quan chủ
 * quản, first line, regular) and the issuing authority (bold, possibly over two lines): the issuer
 * begins at the last line that opens a name. "UBND TỈNH TÂY NINH / SỞ GIÁO DỤC VÀ ĐÀO TẠO" → parent
 * and issuer; "ỦY BAN NHÂN DÂN / TỈNH TÂY NINH" → one issuer over two lines.
 */
export function splitAuthority(lines: string[]): { parent: string | null; issuer: string | null } {
  const names = lines.filter((line) => isUpperCase(line) && line.replace(/[^\p{L}]/gu, '').length >= 2);
  if (names.length === 0) return { parent: null, issuer: null };
  let start = 0;
  names.forEach((line, index) => {
    if (opensAuthority(line)) start = index;
  });
  return {
    parent: start > 0 ? correctAuthority(names.slice(0, start).join(' ')) : null,
    issuer: correctAuthority(names.slice(start).join(' ')),
  };
}
