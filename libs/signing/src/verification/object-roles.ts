import { PDFArray, PDFContext, PDFDict, PDFName, PDFObject, PDFRef, PDFStream } from 'pdf-lib';
import { listFields } from '../form/acroform';
import { listPages } from '../pdf/page-tree';

/** What an object is for, as far as judging a later change to it goes. Page roles win. */
export type ObjectRole =
  | 'catalog' | 'info' | 'metadata' | 'pages' | 'page' | 'page-content' | 'annots'
  | 'acroform' | 'field' | 'annotation' | 'appearance' | 'signed-field' | 'signed-appearance';

const CONTENTS = PDFName.of('Contents');
const RESOURCES = PDFName.of('Resources');
const PARENT = PDFName.of('Parent');
const PAGE_LINK = PDFName.of('P');

/** Indexes the roles of the indirect objects of one revision. */
export function indexObjectRoles(context: PDFContext, rootRef: PDFRef, infoRef?: PDFRef): Map<number, ObjectRole> {
  const roles = new Map<number, ObjectRole>();
  const set = (ref: unknown, role: ObjectRole): void => {
    if (ref instanceof PDFRef && !roles.has(ref.objectNumber)) roles.set(ref.objectNumber, role);
  };
  const catalog = context.lookup(rootRef);
  if (!(catalog instanceof PDFDict)) return roles;
  set(rootRef, 'catalog');
  set(infoRef, 'info');
  set(catalog.get(PDFName.of('Metadata')), 'metadata');
  // A signed signature field and its appearance are frozen: changing them after the fact is
  // how a signature's visible information would be forged.
  for (const field of listFields(context, catalog)) {
    if (field.type !== 'Sig' || !field.dict.has(PDFName.of('V'))) continue;
    set(field.ref, 'signed-field');
    const widget = field.dict.has(PDFName.of('Subtype')) ? field.ref : (field.dict.lookup(PDFName.of('Kids')) as PDFArray | undefined)?.get(0);
    set(widget, 'signed-field');
    if (widget instanceof PDFRef) markAppearances(context, widget, (ref) => set(ref, 'signed-appearance'));
  }
  markPageTree(context, catalog, roles, set);
  set(catalog.get(PDFName.of('AcroForm')), 'acroform');
  listFields(context, catalog).forEach((field) => {
    set(field.ref, 'field');
    markParents(context, field.dict, set);
  });
  for (const [number, role] of [...roles]) {
    if (role === 'annotation' || role === 'field') markAppearances(context, PDFRef.of(number), set);
  }
  return roles;
}

function markPageTree(context: PDFContext, catalog: PDFDict, roles: Map<number, ObjectRole>, set: (ref: unknown, role: ObjectRole) => void): void {
  let pages: PDFRef[];
  try {
    pages = listPages(context, catalog);
  } catch {
    return;
  }
  // Pages share fonts and images: what one page's walk has reached is not walked again.
  const seen = new Set<number>();
  for (const page of pages) {
    const dict = context.lookup(page) as PDFDict;
    set(page, 'page');
    markParents(context, dict, (ref) => set(ref, 'pages'));
    // Everything a page paints (contents, fonts, images…) counts as page content.
    for (const key of [CONTENTS, RESOURCES]) markReachable(context, dict.get(key), roles, 'page-content', seen);
    const annots = dict.get(PDFName.of('Annots'));
    set(annots, 'annots');
    const list = context.lookup(annots);
    if (list instanceof PDFArray) list.asArray().forEach((annotation) => set(annotation, 'annotation'));
  }
}

function markParents(context: PDFContext, dict: PDFDict, set: (ref: unknown, role: ObjectRole) => void): void {
  let parent = dict.get(PDFName.of('Parent'));
  for (let depth = 0; parent instanceof PDFRef && depth < 32; depth += 1) {
    set(parent, dict.has(PDFName.of('FT')) || dict.has(PDFName.of('T')) ? 'field' : 'pages');
    const next = context.lookup(parent);
    parent = next instanceof PDFDict ? next.get(PDFName.of('Parent')) : undefined;
  }
}

function markAppearances(context: PDFContext, annotation: PDFRef, set: (ref: unknown, role: ObjectRole) => void): void {
  const dict = context.lookup(annotation);
  if (!(dict instanceof PDFDict)) return;
  const ap = dict.lookup(PDFName.of('AP'));
  if (!(ap instanceof PDFDict)) return;
  const roles = new Map<number, ObjectRole>();
  markReachable(context, ap, roles, 'appearance');
  roles.forEach((_, number) => set(PDFRef.of(number), 'appearance'));
}

/** Marks every indirect object reachable from `start` (not following /Parent or /P back-links). */
function markReachable(
  context: PDFContext,
  start: PDFObject | undefined,
  roles: Map<number, ObjectRole>,
  role: ObjectRole,
  seen = new Set<number>(),
): void {
  const stack: PDFObject[] = start ? [start] : [];
  while (stack.length > 0) {
    const item = stack.pop() as PDFObject;
    if (item instanceof PDFRef) {
      if (seen.has(item.objectNumber)) continue;
      seen.add(item.objectNumber);
      if (!roles.has(item.objectNumber)) roles.set(item.objectNumber, role);
      const target = context.lookup(item);
      if (target) stack.push(target);
    } else if (item instanceof PDFStream) {
      stack.push(item.dict);
    } else if (item instanceof PDFDict) {
      for (const [key, value] of item.entries()) {
        if (key !== PARENT && key !== PAGE_LINK) stack.push(value);
      }
    } else if (item instanceof PDFArray) {
      stack.push(...item.asArray());
    }
  }
}
