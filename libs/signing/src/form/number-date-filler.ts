import { PDFHexString, PDFName } from 'pdf-lib';
import { AppearanceBuilder, fitFontSize, textWidth } from '../appearance/appearance-builder';
import { FontFiles, fontFile } from '../appearance/font-files';
import { formatIssueDateLine, formatNumberLine } from '../decree30/decree30-format';
import { CalendarDate } from '../decree30/vietnam-time';
import { PdfUpdate } from '../pdf/pdf-update';
import { PdfInput, pdfBytes, UpdatedPdf } from '../pdf/updated-pdf';
import { FIELD_NAMES } from '../signature/signature-options';
import { requireField, widgetOf, widgetRect } from './acroform';

export interface NumberAndDateOptions {
  documentNumber: number;
  /** Ký hiệu, e.g. `QĐ-SGDĐT`. */
  notation: string;
  /** Địa danh, e.g. `Tây Ninh`. */
  place: string;
  /** Issue date; a Date is read in Vietnamese local time. */
  issueDate: Date | CalendarDate;
  numberFieldName?: string;
  dateFieldName?: string;
  fonts?: Partial<FontFiles>;
}

interface TextFill {
  fieldName: string;
  text: string;
  style: 'regular' | 'italic';
  size: number;
}

/**
 * Writes the clerk's number and issue date into the text fields the draft reserved, as an
 * incremental form fill: only the two field dictionaries change (new /V and appearance), so an
 * earlier signature stays valid and the change is recognisably a form fill.
 */
export async function fillNumberAndDate(pdf: PdfInput, options: NumberAndDateOptions): Promise<UpdatedPdf> {
  return fillTextFields(pdf, [
    // ND 30: số/ký hiệu 13 pt upright; date line 13–14 pt italic.
    { fieldName: options.numberFieldName ?? FIELD_NAMES.documentNumber, text: formatNumberLine(options.documentNumber, options.notation), style: 'regular', size: 13 },
    { fieldName: options.dateFieldName ?? FIELD_NAMES.issueDateLine, text: formatIssueDateLine(options.place, options.issueDate), style: 'italic', size: 14 },
  ], options.fonts);
}

export async function fillTextFields(pdf: PdfInput, fills: TextFill[], fonts?: Partial<FontFiles>): Promise<UpdatedPdf> {
  const update = PdfUpdate.open(pdfBytes(pdf));
  for (const fill of fills) {
    const field = requireField(update, fill.fieldName, 'Tx');
    const widget = widgetOf(update.context, field);
    const [x1, y1, x2, y2] = widgetRect(widget.dict);
    const builder = new AppearanceBuilder(update.context);
    const font = await builder.font(fontFile(fill.style, fonts));
    const [width, height] = [x2 - x1, y2 - y1];
    const size = fitFontSize(font, fill.text, width - 4, Math.min(fill.size, height * 0.8));
    // Centred (/Q 1), baseline placed so the x-height sits in the middle of the box.
    builder.drawText(font, fill.text, (width - textWidth(font, fill.text, size)) / 2, (height - size * 0.7) / 2, size);
    widget.dict.set(PDFName.of('AP'), update.context.obj({ N: await builder.build(width, height) }));
    field.dict.set(PDFName.of('V'), PDFHexString.fromText(fill.text.normalize('NFC')));
    update.markModified(field.ref);
    update.markModified(widget.ref);
  }
  return update.writeFile();
}
