import type { PageWords } from '../../ocr';
import type { Confidentiality, Urgency } from '../../marks';
import { splitAuthority } from './authority-lines';
import { documentTypeOf, vvSubject } from './document-kinds';
import { confidentialityMark, urgencyMark } from './header-marks';
import { normaliseNumberSymbol, numberLineRest } from './number-notation';
import { segmentsOf, Segment } from './page-lines';
import { parsePlaceDate } from './place-date';
import { collapseSpaces, fold, isUpperCase } from './text-folding';

/** What page 1's header says (Decree 30 Phụ lục I); a field not found is absent. */
export interface RecognisedHeader {
  parentAuthority?: string;
  issuingAuthority?: string;
  sourceNumberSymbol?: string;
  place?: string;
  sourceDate?: string;
  documentType?: string;
  subject?: string;
  urgency?: Urgency;
  confidentiality?: Confidentiality;
  signer?: { position: string | null; name: string };
}

const isMotto = (s: Segment) => /cong hoa|chu nghia|viet nam|doc lap|tu do|hanh phuc/.test(fold(s.text));
const isRule = (s: Segment) => s.text.replace(/[^\p{L}\d]/gu, '').length < 2;
const STOP = /^(kinh gui|can cu|noi nhan)/;

/**
 * Reads the header of a page laid out as Decree 30 Phụ lục I: the authority cell (left) over
 * "Số: …", the motto cell (right) over "<place>, ngày … tháng … năm …", then the type and trích
 * yếu centred (a công văn has no type line: its "V/v …" sits under the number). A page with
 * neither a number, a date nor a type line is no header: the answer is empty.
 */
export function recogniseHeader(page: Pick<PageWords, 'width' | 'height' | 'words'>): RecognisedHeader {
  const { segments, lineHeight: h } = segmentsOf(page);
  const top = segments.filter((s) => s.y0 < page.height * 0.5);
  const numberSegment = top.find((s) => s.column !== 'right' && numberLineRest(s.text) !== null);
  const dateSegment = top.find((s) => s.column !== 'left' && parsePlaceDate(s.text) !== null);
  const headerBottom = Math.max(numberSegment?.y1 ?? 0, dateSegment?.y1 ?? 0);
  const typeSegment = segments.find((s) => s.y0 >= headerBottom - h && s.column === 'centre' && documentTypeOf(s.text) !== null);
  if (!numberSegment && !dateSegment && !typeSegment) return {};

  const header: RecognisedHeader = {};
  const authorityBottom = numberSegment?.y0 ?? dateSegment?.y0 ?? typeSegment?.y0 ?? 0;
  const leftAbove = top.filter((s) => s.column === 'left' && s.y1 <= authorityBottom + h * 0.3 && s !== numberSegment && !isRule(s) && !isMark(s));
  const { parent, issuer } = splitAuthority(leftAbove.map((s) => collapseSpaces(s.text)));
  if (parent) header.parentAuthority = parent;
  if (issuer) header.issuingAuthority = issuer;
  if (numberSegment) {
    const number = normaliseNumberSymbol(numberLineRest(numberSegment.text) ?? '', [issuer ?? '', parent ?? '']);
    if (number) header.sourceNumberSymbol = number;
  }
  if (dateSegment) {
    const placeDate = parsePlaceDate(dateSegment.text);
    if (placeDate?.place) header.place = placeDate.place;
    if (placeDate) header.sourceDate = placeDate.date;
  }
  const subjectEnd = readTypeAndSubject(header, segments, typeSegment, numberSegment, h);
  // Marks stand under the number (and V/v), above the first centred line: type, Kính gửi or body.
  const marksEnd = segments.find((s) => s.y0 > headerBottom && s.column === 'centre' && !isMark(s))?.y0 ?? headerBottom + 10 * h;
  readMarks(header, segments.filter((s) => s.y0 < Math.max(marksEnd, subjectEnd) && s.column !== 'right'));
  const signer = signerOf(segments.filter((s) => s.y0 > Math.max(subjectEnd, headerBottom) && s.column === 'right' && !isMotto(s)), h);
  if (signer) header.signer = signer;
  return header;
}

const isMark = (s: Segment) => urgencyMark(s.text) !== null || confidentialityMark(s.text) !== null;

/** Type line and the trích yếu lines under it, or a công văn's "V/v" lines; answers where the subject ends. */
function readTypeAndSubject(header: RecognisedHeader, segments: Segment[], typeSegment: Segment | undefined, numberSegment: Segment | undefined, h: number): number {
  if (typeSegment) {
    header.documentType = documentTypeOf(typeSegment.text) ?? undefined;
    const lines = following(segments, typeSegment, h, (s) => s.column === 'centre' && !(isUpperCase(s.text) && fold(s.text).length > 12));
    if (lines.length > 0) header.subject = collapseSpaces(lines.map((s) => s.text).join(' '));
    return (lines[lines.length - 1] ?? typeSegment).y1;
  }
  const vv = numberSegment && segments.find((s) => s.y0 > numberSegment.y0 && s.y0 < numberSegment.y1 + 6 * h && s.column !== 'right' && vvSubject(s.text));
  if (!vv) return numberSegment?.y1 ?? 0;
  header.documentType = 'Công văn';
  const lines = [vv, ...following(segments, vv, h, (s) => s.column === 'left' && !isMark(s))];
  header.subject = collapseSpaces(vvSubject(lines.map((s) => s.text).join(' ')) ?? '');
  return lines[lines.length - 1].y1;
}

/** The lines right under `first` (no gap wider than half a line) that `fits`. */
function following(segments: Segment[], first: Segment, h: number, fits: (s: Segment) => boolean): Segment[] {
  const lines: Segment[] = [];
  let previous = first;
  for (const segment of segments) {
    if (segment.y0 <= previous.y0 + h * 0.3 || segment === first) continue;
    if (segment.y0 - previous.y1 > h * 0.6) break;
    if (!fits(segment) || isRule(segment) || STOP.test(fold(segment.text))) {
      if (isRule(segment)) continue;
      break;
    }
    lines.push(segment);
    previous = segment;
  }
  return lines;
}

function readMarks(header: RecognisedHeader, segments: Segment[]): void {
  for (const segment of segments) {
    header.urgency ??= urgencyMark(segment.text) ?? undefined;
    header.confidentiality ??= confidentialityMark(segment.text) ?? undefined;
  }
}

/**
 * The signer block (bottom right, Decree 30 Phụ lục I.8): the position in capitals ("KT. GIÁM ĐỐC",
 * "PHÓ GIÁM ĐỐC") above the space for the signature, then the name. Only when it is on page 1.
 */
function signerOf(right: Segment[], h: number): RecognisedHeader['signer'] | null {
  const name = [...right].reverse().find((s) => !isUpperCase(s.text) && /^(\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$/u.test(collapseSpaces(s.text)));
  if (!name) return null;
  const titles = right.filter((s) => s.y1 <= name.y0 && s.y0 >= name.y0 - 14 * h && isUpperCase(s.text));
  return { position: titles.length ? collapseSpaces(titles.map((s) => s.text).join(' ')) : null, name: collapseSpaces(name.text) };
}
