import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { ascii, latin1, skipWhitespace } from './pdf-bytes';
import { PdfParts } from './pdf-parts';
import { PdfInput, pdfParts } from './updated-pdf';
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
 *
 * The file may be an earlier step's result in pieces (`UpdatedPdf`): it is read where it lies,
 * each offset in the piece that holds it, so a B-LT or B-LTA revision over a sealed 10 MiB file
 * never joins the file first.
 */
export class PdfStructure {
  private constructor(
    /** The file's bytes, in the pieces it came in. */
    readonly source: PdfParts,
    readonly revisions: PdfRevision[],
    readonly encrypted: boolean,
  ) {}

  static read(input: PdfInput | PdfParts): PdfStructure {
    const source = pdfParts(input);
    if (latin1(source.slice(0, 1024)).indexOf('%PDF-') < 0) throw new SigningError('PDF_MALFORMED', 'Not a PDF file (no %PDF- header)');
    const scratch = PDFContext.create();
    try {
      const sections = readChain(source, scratch);
      const encrypted = sections.some((section) => section.trailer.has(PDFName.of('Encrypt')));
      return new PdfStructure(source, groupIntoRevisions(source, sections), encrypted);
    } catch (error) {
      if (error instanceof SigningError) throw error;
      throw new SigningError('PDF_MALFORMED', `Cannot read the PDF cross-reference data: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * The whole file in one buffer: the input itself when it came as one buffer, else joined once
   * (a copy). For readers that need contiguous bytes (verification); steps use `source`.
   */
  get bytes(): Buffer {
    return this.source.join();
  }

  get length(): number {
    return this.source.length;
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

function findStartXref(source: PdfParts): number {
  const at = source.lastIndexOf(ascii('startxref'));
  if (at < 0) throw new SigningError('PDF_MALFORMED', 'No startxref found');
  const window = source.slice(at + 9, at + 40);
  const digits = /^\d+/.exec(latin1(window, skipWhitespace(window, 0)));
  if (!digits) throw new SigningError('PDF_MALFORMED', 'startxref has no offset');
  return Number(digits[0]);
}

/** The section at file offset `offset`, parsed inside the piece that holds it. */
function sectionAt(source: PdfParts, offset: number, context: PDFContext): XrefSection {
  if (offset < 0 || offset >= source.length) {
    throw new SigningError('PDF_MALFORMED', `Cross-reference offset ${offset} is outside the file`);
  }
  const { bytes, start } = source.locate(offset);
  return { ...parseXrefSectionAt(bytes, offset - start, context), offset };
}

/** Sections newest first, each merged with its hybrid XRefStm (table entries win, ISO 32000 §7.5.8.4). */
function readChain(source: PdfParts, context: PDFContext): XrefSection[] {
  const sections: XrefSection[] = [];
  const visited = new Set<number>();
  let offset: number | undefined = findStartXref(source);
  while (offset !== undefined) {
    if (visited.has(offset)) throw new SigningError('PDF_MALFORMED', 'Cross-reference /Prev chain loops');
    visited.add(offset);
    const section = sectionAt(source, offset, context);
    const hybrid = section.trailer.get(PDFName.of('XRefStm'));
    if (hybrid instanceof PDFNumber) mergeHidden(section, sectionAt(source, hybrid.asNumber(), context));
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

function endOfRevision(source: PdfParts, sectionOffset: number): number {
  const eof = source.indexOf(ascii('%%EOF'), sectionOffset);
  if (eof < 0) return source.length;
  // Past the end-of-line marker after %%EOF (CRLF, LF or CR), as skipEndOfLine does in one buffer.
  const [first, second] = [source.byteAt(eof + 5), source.byteAt(eof + 6)];
  if (first === 0x0d && second === 0x0a) return eof + 7;
  return first === 0x0d || first === 0x0a ? eof + 6 : eof + 5;
}

/**
 * A linearised file has two sections in its first revision (the first-page one near the start);
 * a section whose %%EOF does not come after the previous revision's belongs to that revision.
 */
function groupIntoRevisions(source: PdfParts, newestFirst: XrefSection[]): PdfRevision[] {
  const revisions: PdfRevision[] = [];
  for (const section of [...newestFirst].reverse()) {
    const endOffset = endOfRevision(source, section.offset);
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
