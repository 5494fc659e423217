// Area "ocr": text extraction and searchable PDFs.
export { OcrModule } from './ocr.module';
export { pdfPageCount } from './ocr-tools';
export * from './searchable-pdf.service';
export * from './text-extractor.service';
