// Area "ocr": text extraction and searchable PDFs.
export { OcrModule } from './ocr.module';
export { pdfPageCount, OCR_RENDER_DPI } from './ocr-tools';
export type { OcrBounds } from './ocr-tools';
export * from './page-words';
export * from './searchable-pdf.service';
export * from './text-extractor.service';
