import { Module } from '@nestjs/common';
import { OfficeConverter } from './office-converter.service';

/** Office files (DOCX, ODT…) to PDF with LibreOffice: used by outgoing drafts. */
@Module({ providers: [OfficeConverter], exports: [OfficeConverter] })
export class ConversionModule {}
