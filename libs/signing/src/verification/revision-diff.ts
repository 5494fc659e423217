import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObject, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import { serialise } from '../pdf/incremental-writer';
import { ObjectRole } from './object-roles';

/**
 * DocMDP-like classes of change (ISO 32000-1 §12.8.2.2): the first four are what a signed
 * document may legitimately receive afterwards; the last two mean its content was altered.
 */
export type ChangeKind = 'FORM_FILL' | 'SIGNATURE' | 'ANNOTATION' | 'METADATA' | 'PAGE_CONTENT' | 'OTHER';

export const ALLOWED_CHANGES: ReadonlySet<ChangeKind> = new Set(['FORM_FILL', 'SIGNATURE', 'ANNOTATION', 'METADATA']);

export interface ChangeDetail {
  kind: ChangeKind;
  description: string;
}

export interface RevisionChanges {
  kinds: Set<ChangeKind>;
  details: ChangeDetail[];
}

export interface RevisionSnapshot {
  context: PDFContext;
  objects: Map<number, PDFObject>;
  roles: Map<number, ObjectRole>;
}

const FIELD_VALUE_KEYS = new Set(['V', 'AP', 'AS', 'DA', 'MK', 'DV']);
const ACROFORM_FILL_KEYS = new Set(['DR', 'DA', 'NeedAppearances']);

/** Classifies what revision `after` changed in `before`, object by object. */
export function classifyChanges(before: RevisionSnapshot, after: RevisionSnapshot, changed: Map<number, boolean>): RevisionChanges {
  const result: RevisionChanges = { kinds: new Set(), details: [] };
  const note = (kind: ChangeKind, description: string): void => {
    result.kinds.add(kind);
    result.details.push({ kind, description });
  };
  for (const [number, inUse] of changed) {
    const oldObject = before.objects.get(number);
    const newObject = inUse ? after.objects.get(number) : undefined;
    if (!oldObject) continue; // new objects matter only through the objects that reference them
    if (!newObject) {
      note('OTHER', `object ${number} was deleted`);
      continue;
    }
    if (isContainer(newObject) || sameBytes(oldObject, newObject)) continue;
    classifyModified(number, before.roles.get(number), oldObject, newObject, after.context, note);
  }
  return result;
}

type Note = (kind: ChangeKind, detail: string) => void;

function classifyModified(number: number, role: ObjectRole | undefined, oldObject: PDFObject, newObject: PDFObject, after: PDFContext, note: Note): void {
  const keys = oldObject instanceof PDFDict && newObject instanceof PDFDict ? changedKeys(oldObject, newObject) : undefined;
  switch (role) {
    case 'catalog':
      return keys?.forEach((key) => {
        if (key === 'AcroForm') return; // judged through the AcroForm and field objects
        if (key === 'DSS') note('SIGNATURE', 'validation data (/DSS) added');
        else if (key === 'Metadata') note('METADATA', 'catalog /Metadata replaced');
        else note('OTHER', `catalog /${key} changed`);
      });
    case 'info':
    case 'metadata':
      return note('METADATA', `document information (object ${number}) changed`);
    case 'acroform':
      return keys?.forEach((key) => classifyAcroFormKey(key, oldObject as PDFDict, newObject as PDFDict, after, note));
    case 'page':
      return keys?.forEach((key) => {
        if (key === 'Annots') classifyNewAnnotations(arrayOf(after, (oldObject as PDFDict).get(PDFName.of(key))), arrayOf(after, (newObject as PDFDict).get(PDFName.of(key))), after, note);
        else note('PAGE_CONTENT', `page object ${number}: /${key} changed`);
      });
    case 'annots':
      return classifyNewAnnotations(arrayOf(after, oldObject), arrayOf(after, newObject), after, note);
    case 'field':
    case 'annotation':
      return classifyFieldOrAnnotation(number, keys, newObject, after, note);
    case 'appearance':
      return note('ANNOTATION', `appearance stream ${number} changed`);
    case 'signed-field':
    case 'signed-appearance':
      return note('OTHER', `object ${number} of an already signed signature field changed`);
    case 'pages':
      return note('PAGE_CONTENT', `page tree node ${number} changed (pages added, removed or reordered)`);
    case 'page-content':
      return note('PAGE_CONTENT', `page content object ${number} changed`);
    default:
      return note('OTHER', `object ${number} changed`);
  }
}

function classifyAcroFormKey(key: string, oldForm: PDFDict, newForm: PDFDict, after: PDFContext, note: Note): void {
  if (key === 'Fields') {
    const old = new Set(arrayOf(after, oldForm.get(PDFName.of('Fields'))).map(String));
    arrayOf(after, newForm.get(PDFName.of('Fields'))).filter((ref) => !old.has(String(ref))).forEach((ref) => {
      if (isSignatureField(after, ref)) note('SIGNATURE', `signature field ${ref} added`);
      else note('ANNOTATION', `form field ${ref} added`);
    });
  } else if (key === 'SigFlags') note('SIGNATURE', 'AcroForm /SigFlags set');
  else if (ACROFORM_FILL_KEYS.has(key)) note('FORM_FILL', `AcroForm /${key} changed`);
  else note('OTHER', `AcroForm /${key} changed`);
}

function classifyNewAnnotations(oldList: PDFObject[], newList: PDFObject[], after: PDFContext, note: Note): void {
  const old = new Set(oldList.map(String));
  const added = newList.filter((ref) => !old.has(String(ref)));
  if (newList.length - added.length < oldList.length) note('ANNOTATION', 'annotations removed');
  added.forEach((ref) => {
    if (isSignatureField(after, ref)) note('SIGNATURE', `signature widget ${ref} added to a page`);
    else note('ANNOTATION', `annotation ${ref} added to a page`);
  });
}

function classifyFieldOrAnnotation(number: number, keys: string[] | undefined, newObject: PDFObject, after: PDFContext, note: Note): void {
  const isField = newObject instanceof PDFDict && (newObject.has(PDFName.of('FT')) || newObject.has(PDFName.of('Parent')) || newObject.has(PDFName.of('T')));
  if (!isField) return note('ANNOTATION', `annotation ${number} changed`);
  const signature = isSignatureField(after, PDFRef.of(number));
  (keys ?? ['?']).forEach((key) => {
    if (signature && (key === 'V' || key === 'AP' || key === 'Lock' || key === 'SV')) note('SIGNATURE', `signature field ${number}: /${key} set`);
    else if (FIELD_VALUE_KEYS.has(key)) note('FORM_FILL', `form field ${number}: /${key} changed`);
    else if (key === 'Rect' || key === 'F') note('ANNOTATION', `widget ${number}: /${key} changed`);
    else note('OTHER', `form field ${number}: /${key} changed`);
  });
}

/** /FT Sig on the object or an ancestor field. */
export function isSignatureField(context: PDFContext, ref: PDFObject): boolean {
  let current = ref instanceof PDFRef ? context.lookup(ref) : ref;
  for (let depth = 0; current instanceof PDFDict && depth < 32; depth += 1) {
    const type = current.lookup(PDFName.of('FT'));
    if (type) return type === PDFName.of('Sig');
    current = current.lookup(PDFName.of('Parent'));
  }
  return false;
}

function arrayOf(context: PDFContext, value: PDFObject | undefined): PDFObject[] {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFArray ? resolved.asArray() : [];
}

/** PDFName instances are interned, so keys compare by identity; only the changed ones are decoded (slow in pdf-lib). */
function changedKeys(oldDict: PDFDict, newDict: PDFDict): string[] {
  const keys = new Set([...oldDict.keys(), ...newDict.keys()]);
  return [...keys].filter((key) => canonical(oldDict.get(key)) !== canonical(newDict.get(key))).map((key) => key.decodeText());
}

/**
 * A value's text with numbers rounded to 6 decimals: writers re-serialise the dictionaries they
 * touch (poppler's pdfsig rewrites /MediaBox [0 0 595.303937007874 …] as 595.3039370079), and
 * a reader keeps only about 5 significant digits of a real (ISO 32000-1 Annex C), so such a
 * rewrite changes nothing on the page.
 */
function canonical(value: PDFObject | undefined): string {
  if (value instanceof PDFNumber) return String(Math.round(value.asNumber() * 1e6) / 1e6);
  if (value instanceof PDFArray) return `[${value.asArray().map(canonical).join(' ')}]`;
  if (value instanceof PDFDict) {
    return `<<${[...value.entries()].map(([key, entry]) => `${key} ${canonical(entry)}`).sort().join(' ')}>>`;
  }
  return String(value);
}

export function objectsByNumber(context: PDFContext): Map<number, PDFObject> {
  return new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object]));
}

/** Cross-reference and object streams only carry other objects; those are judged one by one. */
function isContainer(object: PDFObject): boolean {
  if (!(object instanceof PDFRawStream)) return false;
  const type = object.dict.lookup(PDFName.of('Type'));
  return type === PDFName.of('XRef') || type === PDFName.of('ObjStm');
}

function sameBytes(a: PDFObject, b: PDFObject): boolean {
  if (a instanceof PDFStream !== b instanceof PDFStream) return false;
  return serialise(a).equals(serialise(b));
}
