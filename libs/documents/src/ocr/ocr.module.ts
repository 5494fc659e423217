import { Module } from '@nestjs/common';
import { SearchablePdfMaker } from './searchable-pdf.service';
import { TextExtractor } from './text-extractor.service';

/** Text out of PDFs and scans (pdftotext, Tesseract), searchable PDFs: used by scans, incoming and outgoing. */
@Module({ providers: [SearchablePdfMaker, TextExtractor], exports: [SearchablePdfMaker, TextExtractor] })
export class OcrModule {}
