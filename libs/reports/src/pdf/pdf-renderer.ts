import { PDFDocument, PDFPage } from 'pdf-lib';
import { loadFontkit } from '@eoffice/signing';
import { ROWS_BETWEEN_YIELDS, yieldToEventLoop } from '../event-loop';
import { cleanCellText, ReportChart, TableReport, TableView } from '../table-report';
import { PageContent } from './page-content';
import { CHART_HEIGHT, drawChart } from './pdf-chart';
import {
  baselineOf,
  BODY_CELL,
  CELL_PADDING,
  CONTENT_WIDTH,
  FOOTER,
  FOOTER_BASELINE,
  HEADER_CELL,
  HEADER_SHADE,
  HEADING,
  MARGIN,
  PAGE,
  SUBTITLE,
  TextStyle,
  TITLE,
  TITLE_GAP,
} from './pdf-layout';
import { bodyLines, CellFonts, ColumnBox, columnBoxes, headerLines, lineX, maxLines, RowLines } from './pdf-table';
import { ReportFont } from './report-font';
import { reportFontFile } from './report-fonts';
import { RowPaginator, RowPiece } from './row-paginator';
import { wrapText } from './text-wrap';

/** Shown in place of rows when a table has none. */
const NO_ROWS = '(Không có dữ liệu)';
/** Space between a table and a chart under it. */
const CHART_GAP = 14;

/**
 * A table report as a printable PDF: A4 landscape, DejaVu (Vietnamese letters), the title block on
 * the first page, the header row repeated on every page, wrapped cells, rows kept whole unless
 * taller than a page, and "Trang i/n" at the foot of each page.
 */
export async function renderPdf(report: TableReport): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(loadFontkit());
  doc.setTitle(report.title.join(' '), { showInWindowTitleBar: true });
  doc.setLanguage('vi-VN');
  doc.setCreator('eOffice');
  doc.setProducer('eOffice (pdf-lib)');
  const fonts: CellFonts = {
    regular: new ReportFont(await doc.embedFont(reportFontFile('regular'), { subset: true }), 'R'),
    bold: new ReportFont(await doc.embedFont(reportFontFile('bold'), { subset: true }), 'B'),
  };
  const writer = new PdfTableWriter(doc, fonts);
  for (const [index, view] of report.views.entries()) await writer.writeView(view, index === 0 ? report : null);
  writer.numberPages();
  return Buffer.from(await doc.save({ useObjectStreams: true, objectsPerTick: 500 }));
}

class PdfTableWriter {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private content!: PageContent;
  /** The cursor: the top of what is drawn next. */
  private y = 0;
  private tableTop = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: CellFonts,
  ) {}

  async writeView(view: TableView, titled: TableReport | null): Promise<void> {
    const boxes = columnBoxes(view.columns);
    const header = headerLines(boxes, this.fonts);
    const headerHeight = maxLines(header) * HEADER_CELL.lineHeight + 2 * CELL_PADDING.y;
    this.startPage();
    if (titled) this.titleBlock(titled);
    if (view.heading) this.centred([view.heading], HEADING, 'left');
    if (titled || view.heading) this.y -= TITLE_GAP;
    this.header(boxes, header, headerHeight);
    const paginator = new RowPaginator({
      firstPageSpace: this.y - MARGIN.bottom,
      pageSpace: PAGE.height - MARGIN.top - MARGIN.bottom - headerHeight,
      lineHeight: BODY_CELL.lineHeight,
      rowPadding: 2 * CELL_PADDING.y,
      minSplitLines: 2,
    });
    if (view.rows.length === 0) this.noRows(boxes, paginator);
    for (const [index, row] of view.rows.entries()) {
      if (index > 0 && index % ROWS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
      const lines = bodyLines(boxes, row, this.fonts);
      for (const piece of paginator.place(maxLines(lines))) {
        if (piece.newPage) {
          this.closeTable(boxes);
          this.finishPage();
          this.startPage();
          this.header(boxes, header, headerHeight);
        }
        this.rowPiece(boxes, lines, piece);
      }
    }
    this.closeTable(boxes);
    for (const chart of view.charts ?? []) this.chart(chart);
    this.finishPage();
  }

  /** "Trang i/n" on every page, once the number of pages is known. */
  numberPages(): void {
    this.pages.forEach((page, index) => {
      const content = new PageContent();
      const text = `Trang ${index + 1}/${this.pages.length}`;
      const x = PAGE.width - MARGIN.right - this.fonts.regular.width(text, FOOTER.size);
      content.text(this.fonts.regular, FOOTER.size, x, FOOTER_BASELINE, text);
      content.writeTo(this.doc, page, [this.fonts.regular]);
    });
  }

  /** A chart under the table, or at the top of the next page when it does not fit below. */
  private chart(chart: ReportChart): void {
    if (this.y - CHART_GAP - CHART_HEIGHT < MARGIN.bottom) {
      this.finishPage();
      this.startPage();
    }
    this.y -= CHART_GAP;
    drawChart(this.content, this.fonts, chart, this.y);
    this.y -= CHART_HEIGHT;
  }

  private startPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.content = new PageContent();
    this.y = PAGE.height - MARGIN.top;
  }

  private finishPage(): void {
    this.content.writeTo(this.doc, this.page, [this.fonts.regular, this.fonts.bold]);
  }

  private titleBlock(report: TableReport): void {
    this.centred(report.title, TITLE, 'center');
    this.centred(report.subtitle, SUBTITLE, 'center');
  }

  /** Lines across the content width (wrapped when too long), centred or from the left margin. */
  private centred(texts: readonly string[], style: TextStyle, align: 'center' | 'left'): void {
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    for (const text of texts) {
      for (const line of wrapText(cleanCellText(text), CONTENT_WIDTH, (t) => font.width(t, style.size))) {
        const x = align === 'left' ? MARGIN.left : MARGIN.left + (CONTENT_WIDTH - font.width(line, style.size)) / 2;
        this.content.text(font, style.size, x, baselineOf(this.y, 0, style.lineHeight), line);
        this.y -= style.lineHeight;
      }
    }
  }

  private header(boxes: readonly ColumnBox[], lines: RowLines, height: number): void {
    this.tableTop = this.y;
    this.content.shade(MARGIN.left, this.y - height, CONTENT_WIDTH, height, HEADER_SHADE);
    this.content.line(MARGIN.left, this.y, MARGIN.left + CONTENT_WIDTH, this.y);
    // Header cells are centred both ways, as on the paper forms.
    boxes.forEach((box, column) => {
      const cell = lines[column];
      const top = this.y - (height - cell.length * HEADER_CELL.lineHeight) / 2;
      cell.forEach((line, index) => {
        const x = lineX({ ...box, align: 'center' }, this.fonts.bold, HEADER_CELL, line);
        this.content.text(this.fonts.bold, HEADER_CELL.size, x, baselineOf(top, index, HEADER_CELL.lineHeight), line);
      });
    });
    this.y -= height;
    this.content.line(MARGIN.left, this.y, MARGIN.left + CONTENT_WIDTH, this.y);
  }

  private rowPiece(boxes: readonly ColumnBox[], lines: RowLines, piece: RowPiece): void {
    boxes.forEach((box, column) => {
      const shown = lines[column].slice(piece.fromLine, piece.fromLine + piece.lineCount);
      shown.forEach((line, index) => {
        const baseline = baselineOf(this.y, index, BODY_CELL.lineHeight, CELL_PADDING.y);
        this.content.text(this.fonts.regular, BODY_CELL.size, lineX(box, this.fonts.regular, BODY_CELL, line), baseline, line);
      });
    });
    this.y -= piece.lineCount * BODY_CELL.lineHeight + 2 * CELL_PADDING.y;
    this.content.line(MARGIN.left, this.y, MARGIN.left + CONTENT_WIDTH, this.y);
  }

  /** One cell across the table saying there is nothing to list; only the header has column borders. */
  private noRows(boxes: readonly ColumnBox[], paginator: RowPaginator): void {
    paginator.place(1);
    this.closeTable(boxes);
    const top = this.y;
    const x = MARGIN.left + (CONTENT_WIDTH - this.fonts.regular.width(NO_ROWS, BODY_CELL.size)) / 2;
    this.content.text(this.fonts.regular, BODY_CELL.size, x, baselineOf(top, 0, BODY_CELL.lineHeight, CELL_PADDING.y), NO_ROWS);
    this.y -= BODY_CELL.lineHeight + 2 * CELL_PADDING.y;
    this.content.line(MARGIN.left, this.y, MARGIN.left + CONTENT_WIDTH, this.y);
    this.content.line(MARGIN.left, top, MARGIN.left, this.y);
    this.content.line(MARGIN.left + CONTENT_WIDTH, top, MARGIN.left + CONTENT_WIDTH, this.y);
    this.tableTop = this.y;
  }

  /** Vertical borders of the table drawn on this page, from its top to the last row. */
  private closeTable(boxes: readonly ColumnBox[]): void {
    const edges = [...boxes.map((b) => b.x), MARGIN.left + CONTENT_WIDTH];
    for (const x of edges) this.content.line(x, this.tableTop, x, this.y);
  }
}
