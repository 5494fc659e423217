/** Width in points of a run of text without line breaks. */
export type MeasureText = (text: string) => number;

/**
 * Greedy line breaking for table cells: at spaces, at the text's own line breaks, and inside a
 * word only when the word alone is wider than the cell (a long symbol such as
 * "1234/QĐ-UBND-VX" in a narrow column). Returns at least one (possibly empty) line.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) lines.push(...wrapParagraph(paragraph, maxWidth, measure));
  return lines.length ? lines : [''];
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: MeasureText): string[] {
  const words = paragraph.split(' ').filter(Boolean);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  const spaceWidth = measure(' ');
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = measure(word);
    if (line && lineWidth + spaceWidth + wordWidth <= maxWidth) {
      line += ` ${word}`;
      lineWidth += spaceWidth + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= maxWidth) {
      [line, lineWidth] = [word, wordWidth];
      continue;
    }
    const pieces = breakWord(word, maxWidth, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1];
    lineWidth = measure(line);
  }
  lines.push(line);
  return lines;
}

/** Splits a word wider than the cell between characters; every piece holds at least one. */
function breakWord(word: string, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of Array.from(word)) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}
