import type { PageWord, PageWords } from '../../ocr';

export type Column = 'left' | 'right' | 'centre';

/** A run of words on one line with no wide gap: one cell of the header's table, or a centred line. */
export interface Segment {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  column: Column;
}

/** Segments of a page, top to bottom, and the typical word height (the unit for gaps). */
export interface PageSegments {
  width: number;
  height: number;
  lineHeight: number;
  segments: Segment[];
}

const mid = (a: number, b: number) => (a + b) / 2;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Words into segments, left to right: a word joins the segment whose last word ends just before it
 * at the same height. Following each segment's own last word (not a page-wide line) keeps a slightly
 * skewed scan's lines whole, and a gap wider than about one word height splits the two columns of
 * the header (authority | national motto) that share a baseline.
 */
export function segmentsOf(page: Pick<PageWords, 'width' | 'height' | 'words'>): PageSegments {
  const lineHeight = median(page.words.map((w) => w.y1 - w.y0)) || 12;
  const open: { words: PageWord[] }[] = [];
  for (const word of [...page.words].sort((a, b) => a.x0 - b.x0)) {
    const h = Math.max(word.y1 - word.y0, lineHeight * 0.5);
    let best: { words: PageWord[] } | null = null;
    let bestGap = Infinity;
    for (const segment of open) {
      const last = segment.words[segment.words.length - 1];
      const gap = word.x0 - last.x1;
      if (gap < -0.5 * h || gap > 1.1 * Math.max(h, lineHeight)) continue;
      if (Math.abs(mid(word.y0, word.y1) - mid(last.y0, last.y1)) > 0.45 * Math.max(h, last.y1 - last.y0)) continue;
      if (gap < bestGap) [best, bestGap] = [segment, gap];
    }
    if (best) best.words.push(word);
    else open.push({ words: [word] });
  }
  const segments = open.map(({ words }) => toSegment(words, page.width));
  segments.sort((a, b) => mid(a.y0, a.y1) - mid(b.y0, b.y1) || a.x0 - b.x0);
  return { width: page.width, height: page.height, lineHeight, segments };
}

function toSegment(words: PageWord[], width: number): Segment {
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  const y0 = Math.min(...words.map((w) => w.y0));
  const y1 = Math.max(...words.map((w) => w.y1));
  return { text: words.map((w) => w.text).join(' '), x0, y0, x1, y1, column: columnOf(x0, x1, width) };
}

/**
 * Decree 30's header is a two-column table: the authority's cell on the left (its centre near a
 * third of the page), the motto's on the right (near two thirds); type and trích yếu are centred on
 * the text area. A line across most of the page is body text, counted as centred.
 */
export function columnOf(x0: number, x1: number, width: number): Column {
  if (x0 < 0.3 * width && x1 > 0.7 * width) return 'centre';
  const centre = mid(x0, x1) / width;
  if (centre < 0.44) return 'left';
  if (centre > 0.6) return 'right';
  return 'centre';
}
