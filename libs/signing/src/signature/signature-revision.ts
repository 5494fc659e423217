import { PDFContext, PDFDict, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import {
  acroFormOwnerRef, appendToArray, editableAcroForm, findField, FormField, widgetOf, widgetRect,
} from '../form/acroform';
import { listPages, Rect, resolvePageIndex } from '../pdf/page-tree';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfUpdate } from '../pdf/pdf-update';
import { UpdatedPdf } from '../pdf/updated-pdf';
import { ByteRangeDigester } from './byte-range-digester';
import { buildSignatureDictionary, ByteRange, fillByteRange } from './signature-placeholder';

export interface SignatureFieldPlacement {
  /** Page index (0-based) or 'last'. */
  page: number | 'last';
  /** Widget rectangle in page coordinates (points, origin bottom-left). */
  rect: Rect;
}

export interface AppearanceRequest {
  /** Size of an existing widget; undefined when the field is created here. */
  existingSize?: { width: number; height: number };
}

export interface BuiltWidgetAppearance {
  ref: PDFRef;
  /** The widget rectangle to use when the field is created in this revision. */
  placement?: SignatureFieldPlacement;
}

export interface SignatureRevisionRequest {
  fieldName: string;
  /** Used only when the PDF has no field of that name yet. */
  placement?: SignatureFieldPlacement;
  signingTime: Date;
  reservedBytes: number;
  signerName?: string;
  reason?: string;
  location?: string;
  kind?: 'signature' | 'documentTimestamp';
  /** Adds objects to the same revision before it is written (e.g. the verification footer), so the signature covers them. */
  decorate?: (update: PdfUpdate) => Promise<void>;
  appearance: (context: PDFContext, request: AppearanceRequest) => Promise<BuiltWidgetAppearance>;
}

export interface PreparedSignature {
  /** The input followed by the new revision; /ByteRange is final, /Contents still zeros. */
  pdf: UpdatedPdf;
  byteRange: ByteRange;
  /** SHA-256 over the ByteRange: the CMS messageDigest. */
  documentDigest: Buffer;
  /** Has hashed the file up to the /Contents; hashes the whole file without reading that part again. */
  digester: ByteRangeDigester;
}

export const DEFAULT_RESERVED_BYTES = 16_384;

/**
 * Appends the revision that carries a new signature: the signature value dictionary with
 * placeholders, the widget's appearance and, when the draft did not reserve one, the field.
 * `digester`, when given, has already hashed part of the input (verifying its earlier
 * signatures); the new digest carries on from there.
 */
export async function prepareSignatureRevision(
  pdf: Uint8Array | PdfStructure,
  request: SignatureRevisionRequest,
  digester?: ByteRangeDigester,
): Promise<PreparedSignature> {
  const update = PdfUpdate.open(pdf);
  const existing = findField(update.context, update.catalog, request.fieldName);
  const widget = existing ? existingWidget(update, existing) : undefined;
  const appearance = await request.appearance(update.context, { existingSize: widget?.size });
  const field = existing ?? createSignatureField(update, request.fieldName, appearance.placement ?? request.placement);
  const widgetDict = widget?.dict ?? field.dict;
  widgetDict.set(PDFName.of('AP'), update.context.obj({ N: appearance.ref }));
  if (widget) update.markModified(widget.ref);
  setSignatureFlags(update);

  const dictionary = buildSignatureDictionary(request);
  const signatureRef = update.reserveRef();
  update.setRawBody(signatureRef, dictionary.body);
  field.dict.set(PDFName.of('V'), signatureRef);
  update.markModified(field.ref);
  if (request.decorate) await request.decorate(update);

  const written = update.write();
  const bodyOffset = written.bodyOffsets.get(signatureRef.objectNumber);
  if (bodyOffset === undefined) throw new Error('signature dictionary was not written');
  const byteRange = fillByteRange(written, bodyOffset, dictionary);
  const digests = (digester ?? new ByteRangeDigester(update.structure.source.parts)).append(written.revision);
  return {
    pdf: new UpdatedPdf(update.structure.source.parts, written.revision),
    byteRange,
    documentDigest: digests.digestByteRange('sha256', byteRange),
    digester: digests,
  };
}

function existingWidget(update: PdfUpdate, field: FormField): { ref: PDFRef; dict: PDFDict; size: { width: number; height: number } } {
  if (field.type !== 'Sig') throw new SigningError('FIELD_NAME_TAKEN', `Field "${field.name}" exists but is not a signature field`);
  if (field.dict.has(PDFName.of('V'))) throw new SigningError('FIELD_ALREADY_SIGNED', `Field "${field.name}" is already signed`);
  const widget = widgetOf(update.context, field);
  const [x1, y1, x2, y2] = widgetRect(widget.dict);
  return { ...widget, size: { width: x2 - x1, height: y2 - y1 } };
}

/** A merged field/widget dictionary, added to /Fields and to the page's /Annots (painted last, on top). */
export function createSignatureField(update: PdfUpdate, name: string, placement: SignatureFieldPlacement | undefined): FormField {
  if (!placement) throw new SigningError('FIELD_MISSING', `The PDF has no signature field "${name}" and no placement was given`);
  const page = resolvePageIndex(listPages(update.context, update.catalog), placement.page);
  const { x, y, width, height } = placement.rect;
  const dict = update.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: 4, // print
    Rect: [x, y, x + width, y + height],
    P: page,
  });
  dict.set(PDFName.of('T'), fieldNameString(name));
  const ref = update.register(dict);
  const form = editableAcroForm(update);
  appendToArray(update, form, acroFormOwnerRef(update), 'Fields', ref);
  appendToArray(update, update.dict(page), page, 'Annots', ref);
  return { ref, dict, name, type: 'Sig' };
}

/** Partial field names must not contain '.', which separates the levels of a qualified name. */
export function fieldNameString(name: string): PDFString {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new SigningError('INVALID_ARGUMENT', `Field name "${name}" must be 1–64 letters, digits, "_" or "-"`);
  }
  return PDFString.of(name);
}

/** SignaturesExist | AppendOnly: tells editors to save incrementally from now on. */
function setSignatureFlags(update: PdfUpdate): void {
  const current = update.catalog.lookup(PDFName.of('AcroForm'));
  const flags = current instanceof PDFDict ? current.lookup(PDFName.of('SigFlags')) : undefined;
  if (flags instanceof PDFNumber && (flags.asNumber() & 3) === 3) return;
  editableAcroForm(update).set(PDFName.of('SigFlags'), PDFNumber.of(3));
}
