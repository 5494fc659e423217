import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { asBuffer, ascii, latin1, skipEndOfLine, skipWhitespace } from './pdf-bytes';
import { parseXrefSectionAt, XrefEntry, XrefSection } from './xref-section.parser';

export interface PdfRevision {
  /** 1 for the original file, +1 for every incremental update. */
  number: number;
  /** Offset just after this revision's `%%EOF` line: the revision is `bytes[0, endOffset)`. */
  endOffset: number;
  /** Kind of the newest cross-reference section of this revision. */
  xrefKind: 'table' | 'stream';
  xrefOffset: number;
  trailer: PDFDict;
  /** Objects this revision (re)defines, including hybrid-file XRefStm entries. */
  entries: Map<number, XrefEntry>;
}

/**
 * The cross-reference chain of a PDF, read the way a conforming reader does (startxref → /Prev),
 * rather than pdf-lib's front-to-back scan, so that per-revision views and the trailer's /Size
 * are exact even for xref streams, object streams and hybrid files.
 */
export class PdfStructure {
  private constructor(
    readonly bytes: Buffer,
    readonly revisions: PdfRevision[],
    readonly encrypted: boolean,
  ) {}

  static read(input: Uint8Array): PdfStructure {
    const bytes = asBuffer(input);
    if (latin1(bytes, 0, 1024).indexOf('%PDF-') < 0) throw new SigningError('PDF_MALFORMED', 'Not a PDF file (no %PDF- header)');
    const scratch = PDFContext.create();
    try {
      const sections = readChain(bytes, scratch);
      const encrypted = sections.some((section) => section.trailer.has(PDFName.of('Encrypt')));
      return new PdfStructure(bytes, groupIntoRevisions(bytes, sections), encrypted);
    } catch (error) {
      if (error instanceof SigningError) throw error;
      throw new SigningError('PDF_MALFORMED', `Cannot read the PDF cross-reference data: ${(error as Error).message}`, { cause: error });
    }
  }

  get latest(): PdfRevision {
    return this.revisions[this.revisions.length - 1];
  }

  /** Trailer /Size: new object numbers must start here (pdf-lib's own count can be lower). */
  get size(): number {
    const size = this.trailerValue('Size');
    if (!(size instanceof PDFNumber)) throw new SigningError('PDF_MALFORMED', 'Trailer has no /Size');
    return size.asNumber();
  }

  get root(): PDFRef {
    const root = this.trailerValue('Root');
    if (!(root instanceof PDFRef)) throw new SigningError('PDF_MALFORMED', 'Trailer has no /Root reference');
    return root;
  }

  get info(): PDFRef | undefined {
    const info = this.trailerValue('Info');
    return info instanceof PDFRef ? info : undefined;
  }

  get id(): PDFArray | undefined {
    const id = this.trailerValue('ID');
    return id instanceof PDFArray ? id : undefined;
  }

  assertNotEncrypted(): void {
    if (this.encrypted) {
      throw new SigningError('PDF_ENCRYPTED', 'The PDF is encrypted; remove the password protection before signing');
    }
  }

  /** The xref entry that defines `objectNumber` as seen by a reader of revision `revisionNumber`. */
  entry(objectNumber: number, revisionNumber = this.revisions.length): XrefEntry | undefined {
    for (let r = revisionNumber; r >= 1; r -= 1) {
      const found = this.revisions[r - 1].entries.get(objectNumber);
      if (found) return found;
    }
    return undefined;
  }

  /** Every object number in use in revision `revisionNumber`, with its defining entry. */
  objectsInUse(revisionNumber = this.revisions.length): Map<number, Exclude<XrefEntry, { kind: 'free' }>> {
    const seen = new Set<number>();
    const inUse = new Map<number, Exclude<XrefEntry, { kind: 'free' }>>();
    for (let r = revisionNumber; r >= 1; r -= 1) {
      for (const [objectNumber, found] of this.revisions[r - 1].entries) {
        if (seen.has(objectNumber)) continue;
        seen.add(objectNumber);
        if (found.kind !== 'free' && objectNumber !== 0) inUse.set(objectNumber, found);
      }
    }
    return inUse;
  }

  /** The revision whose bytes end exactly at `endOffset`, if any. */
  revisionEndingAt(endOffset: number): PdfRevision | undefined {
    return this.revisions.find((revision) => revision.endOffset === endOffset);
  }

  private trailerValue(key: string): unknown {
    for (let r = this.revisions.length; r >= 1; r -= 1) {
      const value = this.revisions[r - 1].trailer.get(PDFName.of(key));
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

function findStartXref(bytes: Buffer): number {
  const at = bytes.lastIndexOf(ascii('startxref'));
  if (at < 0) throw new SigningError('PDF_MALFORMED', 'No startxref found');
  const digits = /^\d+/.exec(latin1(bytes, skipWhitespace(bytes, at + 9), Math.min(bytes.length, at + 40)));
  if (!digits) throw new SigningError('PDF_MALFORMED', 'startxref has no offset');
  return Number(digits[0]);
}

/** Sections newest first, each merged with its hybrid XRefStm (table entries win, ISO 32000 §7.5.8.4). */
function readChain(bytes: Buffer, context: PDFContext): XrefSection[] {
  const sections: XrefSection[] = [];
  const visited = new Set<number>();
  let offset: number | undefined = findStartXref(bytes);
  while (offset !== undefined) {
    if (visited.has(offset)) throw new SigningError('PDF_MALFORMED', 'Cross-reference /Prev chain loops');
    visited.add(offset);
    const section = parseXrefSectionAt(bytes, offset, context);
    const hybrid = section.trailer.get(PDFName.of('XRefStm'));
    if (hybrid instanceof PDFNumber) mergeHidden(section, parseXrefSectionAt(bytes, hybrid.asNumber(), context));
    sections.push(section);
    const prev = section.trailer.get(PDFName.of('Prev'));
    offset = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  return sections;
}

function mergeHidden(section: XrefSection, hidden: XrefSection): void {
  for (const [objectNumber, entry] of hidden.entries) {
    const existing = section.entries.get(objectNumber);
    if (!existing || existing.kind === 'free') section.entries.set(objectNumber, entry);
  }
}

function endOfRevision(bytes: Buffer, sectionOffset: number): number {
  const eof = bytes.indexOf(ascii('%%EOF'), sectionOffset);
  return eof < 0 ? bytes.length : skipEndOfLine(bytes, eof + 5);
}

/**
 * A linearised file has two sections in its first revision (the first-page one near the start);
 * a section whose %%EOF does not come after the previous revision's belongs to that revision.
 */
function groupIntoRevisions(bytes: Buffer, newestFirst: XrefSection[]): PdfRevision[] {
  const revisions: PdfRevision[] = [];
  for (const section of [...newestFirst].reverse()) {
    const endOffset = endOfRevision(bytes, section.offset);
    const last = revisions[revisions.length - 1];
    if (last && endOffset <= last.endOffset) {
      mergeIntoRevision(last, section);
      continue;
    }
    revisions.push({
      number: revisions.length + 1,
      endOffset,
      xrefKind: section.kind,
      xrefOffset: section.offset,
      trailer: section.trailer,
      entries: new Map(section.entries),
    });
  }
  return revisions;
}

/** The first-page section of a linearised file: newer in the chain, so it becomes the revision's head. */
function mergeIntoRevision(revision: PdfRevision, section: XrefSection): void {
  for (const [objectNumber, entry] of section.entries) revision.entries.set(objectNumber, entry);
  const merged = revision.trailer;
  for (const [key, value] of section.trailer.entries()) {
    const existing = merged.get(key);
    if (key === PDFName.of('Size') && existing instanceof PDFNumber && value instanceof PDFNumber) {
      if (value.asNumber() > existing.asNumber()) merged.set(key, value);
    } else if (!existing) {
      merged.set(key, value);
    }
  }
  // An update's /Prev must point where startxref pointed: the head of the chain.
  revision.xrefOffset = section.offset;
  revision.xrefKind = section.kind;
}
