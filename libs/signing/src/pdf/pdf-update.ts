import { deflateSync } from 'node:zlib';
import { PDFContext, PDFDict, PDFObject, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { AppendedRevision, appendRevision, RevisionObject } from './incremental-writer';
import { PdfObjectLoader } from './pdf-object-loader';
import { PdfStructure } from './pdf-structure';
import { PdfInput, UpdatedPdf } from './updated-pdf';

/**
 * One incremental update in the making: a pdf-lib context holding the latest revision, in which
 * callers change objects (and say so with `markModified`) or create new ones. Only those objects
 * are written; earlier bytes are never touched.
 */
export class PdfUpdate {
  private readonly modified = new Set<PDFRef>();
  private readonly rawBodies = new Map<PDFRef, Uint8Array>();
  private readonly firstNewObjectNumber: number;

  private constructor(
    readonly structure: PdfStructure,
    readonly context: PDFContext,
  ) {
    this.firstNewObjectNumber = structure.size;
  }

  /** Plain bytes, an earlier step's result (read in its pieces, not joined) or a structure already read. */
  static open(pdf: PdfInput | PdfStructure): PdfUpdate {
    const structure = pdf instanceof PdfStructure ? pdf : PdfStructure.read(pdf);
    structure.assertNotEncrypted();
    const context = new PdfObjectLoader(structure).loadContext();
    // New objects must not reuse numbers below the trailer's /Size, even free ones.
    context.largestObjectNumber = Math.max(context.largestObjectNumber, structure.size - 1);
    deflateNatively(context);
    return new PdfUpdate(structure, context);
  }

  get catalogRef(): PDFRef {
    return this.structure.root;
  }

  get catalog(): PDFDict {
    return this.dict(this.structure.root);
  }

  dict(ref: PDFRef): PDFDict {
    const value = this.context.lookup(ref);
    if (!(value instanceof PDFDict)) throw new SigningError('PDF_MALFORMED', `Object ${ref} is not a dictionary`);
    return value;
  }

  markModified(ref: PDFRef): void {
    if (!this.context.lookup(ref) && !this.rawBodies.has(ref)) {
      throw new SigningError('PDF_MALFORMED', `Cannot modify missing object ${ref}`);
    }
    this.modified.add(ref);
  }

  register(object: PDFObject): PDFRef {
    return this.context.register(object);
  }

  /** Reserves an object number whose body is written verbatim (see `setRawBody`). */
  reserveRef(): PDFRef {
    return this.context.nextRef();
  }

  setRawBody(ref: PDFRef, body: Uint8Array): void {
    this.rawBodies.set(ref, body);
  }

  /**
   * The input followed by this update, for steps whose revision needs no patching afterwards: the
   * input's pieces as they came (nothing copied) and the new revision after them.
   */
  writeFile(): UpdatedPdf {
    return new UpdatedPdf(this.structure.source.parts, this.write().revision);
  }

  write(): AppendedRevision {
    const objects: RevisionObject[] = [];
    for (const [ref, object] of this.context.enumerateIndirectObjects()) {
      if (this.rawBodies.has(ref)) continue;
      if (ref.objectNumber >= this.firstNewObjectNumber || this.modified.has(ref)) objects.push({ ref, object });
    }
    for (const [ref, body] of this.rawBodies) objects.push({ ref, body });
    return appendRevision(this.structure, objects);
  }
}

/**
 * pdf-lib compresses new streams (appearances, embedded font subsets) with pako, in JavaScript;
 * node's zlib writes the same format several times faster. Text is taken a byte per character,
 * as pdf-lib does.
 */
function deflateNatively(context: PDFContext): void {
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), { ...dict, Filter: 'FlateDecode' });
}
