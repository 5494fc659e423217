import { PDFDict, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { listPages, Rect, resolvePageIndex } from '../pdf/page-tree';
import { PdfUpdate } from '../pdf/pdf-update';
import { PdfInput, pdfBytes, UpdatedPdf } from '../pdf/updated-pdf';
import { FIELD_NAMES } from '../signature/signature-options';
import { createSignatureField, fieldNameString, SignatureFieldPlacement } from '../signature/signature-revision';
import { acroFormOwnerRef, appendToArray, editableAcroForm, findField } from './acroform';

export interface TextFieldPlacement {
  /** Page index (0-based); default 0, where boxes 3 and 4 of the ND 30 layout are. */
  page?: number;
  rect: Rect;
}

export interface DraftLayout {
  /** Box 7c: the signer's place, normally on the last page between title and name. */
  leaderSignature: SignatureFieldPlacement;
  /** Box 3: "Số: …/…", filled by the clerk after the leader signs. */
  documentNumber: TextFieldPlacement;
  /** Box 4: "{Địa danh}, ngày … tháng … năm …". */
  issueDateLine: TextFieldPlacement;
  fieldNames?: Partial<Pick<typeof FIELD_NAMES, 'leaderSignature' | 'documentNumber' | 'issueDateLine'>>;
}

const READ_ONLY = 1;
const CENTRED = 1;

/**
 * Adds to a draft the fields the later steps fill: the leader's signature field and the
 * number and date text fields. Filling fields that existed before signing is what keeps the
 * leader's signature valid and the later revision a mere form fill (changing page content
 * after a signature would not be). Written as an incremental update too, so the draft keeps
 * its cross-reference kind and any signatures it already carries.
 */
export async function prepareDraft(pdf: PdfInput, layout: DraftLayout): Promise<UpdatedPdf> {
  const update = PdfUpdate.open(pdfBytes(pdf));
  const names = { ...FIELD_NAMES, ...layout.fieldNames };
  for (const name of [names.leaderSignature, names.documentNumber, names.issueDateLine]) {
    if (findField(update.context, update.catalog, name)) throw new SigningError('FIELD_NAME_TAKEN', `The draft already has a field "${name}"`);
  }
  const form = editableAcroForm(update);
  ensureDefaultResources(update, form);
  const leader = createSignatureField(update, names.leaderSignature, layout.leaderSignature);
  leader.dict.set(PDFName.of('AP'), update.context.obj({ N: emptyAppearance(update, layout.leaderSignature.rect) }));
  addTextField(update, names.documentNumber, layout.documentNumber, 13);
  addTextField(update, names.issueDateLine, layout.issueDateLine, 14);
  return update.writeFile();
}

/** Read-only, centred text field; its appearance stays empty until `fillNumberAndDate`. */
function addTextField(update: PdfUpdate, name: string, placement: TextFieldPlacement, fontSize: number): void {
  const page = resolvePageIndex(listPages(update.context, update.catalog), placement.page ?? 0);
  const { x, y, width, height } = placement.rect;
  const dict = update.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Tx',
    Ff: READ_ONLY,
    F: 4,
    Q: CENTRED,
    Rect: [x, y, x + width, y + height],
    P: page,
  });
  dict.set(PDFName.of('DA'), PDFString.of(`/Helv ${fontSize} Tf 0 g`));
  dict.set(PDFName.of('T'), fieldNameString(name));
  dict.set(PDFName.of('AP'), update.context.obj({ N: emptyAppearance(update, placement.rect) }));
  const ref = update.register(dict);
  appendToArray(update, editableAcroForm(update), acroFormOwnerRef(update), 'Fields', ref);
  appendToArray(update, update.dict(page), page, 'Annots', ref);
}

function emptyAppearance(update: PdfUpdate, rect: Rect): PDFRef {
  return update.register(update.context.flateStream('', {
    Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect.width, rect.height], Resources: {},
  }));
}

/** /DA and /DR so that viewers have a default font for text fields (ISO 32000-1 §12.7.3.3). */
function ensureDefaultResources(update: PdfUpdate, form: PDFDict): void {
  if (!form.has(PDFName.of('DR'))) {
    const helvetica = update.register(update.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
    form.set(PDFName.of('DR'), update.context.obj({ Font: { Helv: helvetica } }));
  }
  if (!form.has(PDFName.of('DA'))) form.set(PDFName.of('DA'), PDFString.of('/Helv 0 Tf 0 g'));
}
