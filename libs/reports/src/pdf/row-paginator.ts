/** Where one piece of a table row goes: lines [fromLine, fromLine + lineCount) of its cells. */
export interface RowPiece {
  /** Start a new page (with the header row repeated) before drawing this piece. */
  newPage: boolean;
  fromLine: number;
  lineCount: number;
}

export interface PaginatorOptions {
  /** Points left for rows on the current (first) page, below the title and header. */
  firstPageSpace: number;
  /** Points for rows on a continuation page, below the repeated header. */
  pageSpace: number;
  lineHeight: number;
  /** Padding above plus below the lines of a row. */
  rowPadding: number;
  /** A row split across pages leaves at least this many lines on each side when it can. */
  minSplitLines: number;
}

/**
 * Decides page breaks row by row, so a long register is laid out in one pass without holding all
 * rows. A row that fits on a page is never cut: it moves whole to the next page. Only a row
 * taller than a whole page is split, between lines, continuing under the repeated header.
 */
export class RowPaginator {
  private space: number;
  private pageHasRows = false;

  constructor(private readonly options: PaginatorOptions) {
    this.space = options.firstPageSpace;
  }

  place(lines: number): RowPiece[] {
    const { pageSpace, lineHeight, rowPadding } = this.options;
    const height = lines * lineHeight + rowPadding;
    if (height <= this.space) return [this.take(false, 0, lines)];
    if (height <= pageSpace) return [this.take(true, 0, lines)];
    return this.split(lines);
  }

  private split(lines: number): RowPiece[] {
    const pieces: RowPiece[] = [];
    let from = 0;
    let newPage = false;
    while (from < lines) {
      const fit = this.linesThatFit(newPage);
      if (!newPage && this.pageHasRows && fit < Math.min(this.options.minSplitLines, lines)) {
        newPage = true;
        continue;
      }
      const count = Math.max(1, Math.min(fit, lines - from));
      pieces.push(this.take(newPage, from, count));
      from += count;
      newPage = true;
    }
    return pieces;
  }

  private linesThatFit(onNewPage: boolean): number {
    const space = onNewPage ? this.options.pageSpace : this.space;
    return Math.floor((space - this.options.rowPadding) / this.options.lineHeight);
  }

  private take(newPage: boolean, fromLine: number, lineCount: number): RowPiece {
    if (newPage) this.space = this.options.pageSpace;
    this.space -= lineCount * this.options.lineHeight + this.options.rowPadding;
    this.pageHasRows = true;
    return { newPage, fromLine, lineCount };
  }
}
