// Reports as agencies print them (register books, statistics, tracking books, indexes): a table
// with headings, notes and charts (TableReport), rendered to XLSX (exceljs) or to a PDF with
// Vietnamese fonts (pdf-lib), without blocking the event loop on long tables. Knows nothing of
// documents: the areas that report turn their rows into a TableReport.
export * from './report-file';
export * from './table-report';
export * from './xlsx/xlsx-renderer';
