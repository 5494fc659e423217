import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { PdfUpdate } from '../pdf/pdf-update';

export interface FormField {
  ref: PDFRef;
  dict: PDFDict;
  /** Fully qualified name: partial names (/T) of the ancestors joined with dots. */
  name: string;
  /** /FT, inherited from ancestors; e.g. "Sig", "Tx". */
  type?: string;
}

export function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

export function acroFormOf(catalog: PDFDict): PDFDict | undefined {
  const form = catalog.lookup(PDFName.of('AcroForm'));
  return form instanceof PDFDict ? form : undefined;
}

/** Terminal fields (those without field kids), in /Fields order. */
export function listFields(context: PDFContext, catalog: PDFDict): FormField[] {
  const fields: FormField[] = [];
  const visit = (ref: PDFRef, parentName: string, parentType: string | undefined, depth: number): void => {
    const dict = context.lookup(ref);
    if (!(dict instanceof PDFDict) || depth > 32) return;
    const partial = textOf(dict.lookup(PDFName.of('T')));
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const ownType = dict.lookup(PDFName.of('FT'));
    const type = ownType instanceof PDFName ? ownType.decodeText() : parentType;
    const kids = dict.lookup(PDFName.of('Kids'));
    const fieldKids = kids instanceof PDFArray
      ? kids.asArray().filter((kid): kid is PDFRef => kid instanceof PDFRef && isField(context.lookup(kid)))
      : [];
    if (fieldKids.length === 0) fields.push({ ref, dict, name, type });
    else fieldKids.forEach((kid) => visit(kid, name, type, depth + 1));
  };
  const form = acroFormOf(catalog);
  const roots = form?.lookup(PDFName.of('Fields'));
  if (roots instanceof PDFArray) {
    roots.asArray().forEach((root) => {
      if (root instanceof PDFRef) visit(root, '', undefined, 0);
    });
  }
  return fields;
}

/** A kid is a field (not just a widget) when it has its own partial name. */
function isField(value: unknown): boolean {
  return value instanceof PDFDict && value.has(PDFName.of('T'));
}

export function findField(context: PDFContext, catalog: PDFDict, name: string): FormField | undefined {
  return listFields(context, catalog).find((field) => field.name === name);
}

export function requireField(update: PdfUpdate, name: string, type: string): FormField {
  const field = findField(update.context, update.catalog, name);
  if (!field) throw new SigningError('FIELD_MISSING', `The PDF has no form field named "${name}"`);
  if (field.type !== type) throw new SigningError('FIELD_MISSING', `Field "${name}" is a /${field.type ?? '?'} field, not /${type}`);
  return field;
}

/**
 * The AcroForm dictionary to change, creating it if needed, and the indirect object that must be
 * rewritten when it changes (the catalog when the dictionary is direct).
 */
export function editableAcroForm(update: PdfUpdate): PDFDict {
  const catalog = update.catalog;
  const entry = catalog.get(PDFName.of('AcroForm'));
  if (entry instanceof PDFRef) {
    update.markModified(entry);
    return update.dict(entry);
  }
  if (entry instanceof PDFDict) {
    update.markModified(update.catalogRef);
    return entry;
  }
  const form = update.context.obj({ Fields: [] });
  catalog.set(PDFName.of('AcroForm'), update.register(form));
  update.markModified(update.catalogRef);
  return form;
}

/** Appends to an array held under `key` of an indirect `owner`, rewriting whichever object holds it. */
export function appendToArray(update: PdfUpdate, owner: PDFDict, ownerRef: PDFRef, key: string, item: PDFRef): void {
  const entry = owner.get(PDFName.of(key));
  if (entry instanceof PDFRef) {
    const array = update.context.lookup(entry);
    if (!(array instanceof PDFArray)) throw new SigningError('PDF_MALFORMED', `/${key} of ${ownerRef} is not an array`);
    array.push(item);
    update.markModified(entry);
    return;
  }
  const array = entry instanceof PDFArray ? entry : update.context.obj([]);
  array.push(item);
  owner.set(PDFName.of(key), array);
  update.markModified(ownerRef);
}

/** The reference of the AcroForm object itself, or of the catalog holding it directly. */
export function acroFormOwnerRef(update: PdfUpdate): PDFRef {
  const entry = update.catalog.get(PDFName.of('AcroForm'));
  return entry instanceof PDFRef ? entry : update.catalogRef;
}

export function widgetRect(widget: PDFDict): [number, number, number, number] {
  const rect = widget.lookup(PDFName.of('Rect'));
  if (!(rect instanceof PDFArray)) throw new SigningError('PDF_MALFORMED', 'A widget annotation has no /Rect');
  const [x1, y1, x2, y2] = rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

/** The widget annotation of a field: the field itself when merged, else its first kid. */
export function widgetOf(context: PDFContext, field: FormField): { ref: PDFRef; dict: PDFDict } {
  if (field.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Widget')) return { ref: field.ref, dict: field.dict };
  const kids = field.dict.lookup(PDFName.of('Kids'));
  const first = kids instanceof PDFArray ? kids.get(0) : undefined;
  const dict = first instanceof PDFRef ? context.lookup(first) : undefined;
  if (!(first instanceof PDFRef) || !(dict instanceof PDFDict)) {
    throw new SigningError('PDF_MALFORMED', `Field "${field.name}" has no widget annotation`);
  }
  return { ref: first, dict };
}
