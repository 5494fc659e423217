/** Page geometry of printed reports, in PDF points (1/72 inch): A4 landscape, 1 cm margins. */
export const PAGE = { width: 841.89, height: 595.28 };
export const MARGIN = { left: 28.35, right: 28.35, top: 28.35, bottom: 36 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export interface TextStyle {
  size: number;
  lineHeight: number;
  bold: boolean;
}

export const TITLE: TextStyle = { size: 13, lineHeight: 17, bold: true };
export const SUBTITLE: TextStyle = { size: 10, lineHeight: 13, bold: false };
export const HEADING: TextStyle = { size: 11, lineHeight: 15, bold: true };
export const HEADER_CELL: TextStyle = { size: 9, lineHeight: 11, bold: true };
export const BODY_CELL: TextStyle = { size: 9, lineHeight: 11, bold: false };
export const FOOTER: TextStyle = { size: 8, lineHeight: 10, bold: false };

/** Space between the cell border and its text. */
export const CELL_PADDING = { x: 3, y: 2.5 };
/** Gap under the title block, before the table. */
export const TITLE_GAP = 8;
/** Baseline of the page number, above the bottom edge. */
export const FOOTER_BASELINE = 16;
export const HEADER_SHADE = 0.88;

/** The baseline of line `index` in a box whose top is `top`: text sits a quarter line above the line's bottom. */
export function baselineOf(top: number, index: number, lineHeight: number, paddingTop = 0): number {
  return top - paddingTop - (index + 1) * lineHeight + lineHeight * 0.25;
}
