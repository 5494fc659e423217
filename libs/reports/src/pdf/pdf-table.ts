import { CellValue, columnAlign, ColumnAlign, displayText, ReportColumn, ReportRow } from '../table-report';
import { BODY_CELL, CELL_PADDING, CONTENT_WIDTH, HEADER_CELL, MARGIN, TextStyle } from './pdf-layout';
import type { ReportFont } from './report-font';
import { wrapText } from './text-wrap';

/** A column's place on the page. */
export interface ColumnBox {
  column: ReportColumn;
  x: number;
  width: number;
  align: ColumnAlign;
}

/** Columns share the content width in proportion to their declared widths. */
export function columnBoxes(columns: readonly ReportColumn[]): ColumnBox[] {
  const total = columns.reduce((sum, c) => sum + Math.max(c.width, 1), 0);
  let x = MARGIN.left;
  return columns.map((column) => {
    const width = (CONTENT_WIDTH * Math.max(column.width, 1)) / total;
    const box = { column, x, width, align: columnAlign(column) };
    x += width;
    return box;
  });
}

export interface CellFonts {
  regular: ReportFont;
  bold: ReportFont;
}

/** The wrapped lines of every cell of a row (or of the header row). */
export type RowLines = string[][];

export function headerLines(boxes: readonly ColumnBox[], fonts: CellFonts): RowLines {
  return boxes.map((box) => wrapInBox(box.column.header, box, fonts.bold, HEADER_CELL));
}

export function bodyLines(boxes: readonly ColumnBox[], row: ReportRow, fonts: CellFonts): RowLines {
  return boxes.map((box) => wrapInBox(displayText(cellOf(row, box.column.key), box.column.kind), box, fonts.regular, BODY_CELL));
}

export function maxLines(lines: RowLines): number {
  return lines.reduce((max, cell) => Math.max(max, cell.length), 1);
}

/** The x at which a line starts, given the cell's alignment. */
export function lineX(box: ColumnBox, font: ReportFont, style: TextStyle, line: string): number {
  if (box.align === 'left') return box.x + CELL_PADDING.x;
  const free = box.width - 2 * CELL_PADDING.x - font.width(line, style.size);
  return box.x + CELL_PADDING.x + (box.align === 'right' ? free : free / 2);
}

function wrapInBox(text: string, box: ColumnBox, font: ReportFont, style: TextStyle): string[] {
  return wrapText(text, box.width - 2 * CELL_PADDING.x, (t) => font.width(t, style.size));
}

function cellOf(row: ReportRow, key: string): CellValue {
  return Object.prototype.hasOwnProperty.call(row, key) ? row[key] : null;
}
