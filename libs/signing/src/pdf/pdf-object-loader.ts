import { PDFContext, PDFName, PDFNumber, PDFObject, PDFObjectParser, PDFRawStream, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { latin1 } from './pdf-bytes';
import { RevisionObjectParser } from './revision-object.parser';
import { PdfStructure } from './pdf-structure';
import { decodeStreamContents } from './stream-decoder';
import { skipObjectHeader, XrefEntry } from './xref-section.parser';

interface DecodedObjectStream {
  data: Uint8Array;
  first: number;
  /** [object number, offset relative to /First] in stream order */
  pairs: Array<[number, number]>;
}

/**
 * Materialises a revision of a PDF as a pdf-lib context, resolving every object through the
 * cross-reference data of that revision (so superseded or freed objects never leak in).
 */
export class PdfObjectLoader {
  private readonly objectStreams = new Map<number, DecodedObjectStream>();

  constructor(private readonly structure: PdfStructure) {}

  loadContext(revisionNumber = this.structure.revisions.length): PDFContext {
    const context = PDFContext.create();
    for (const [objectNumber, entry] of this.structure.objectsInUse(revisionNumber)) {
      const generation = entry.kind === 'offset' ? entry.generation : 0;
      context.assign(PDFRef.of(objectNumber, generation), this.loadEntry(objectNumber, entry, revisionNumber, context));
    }
    const revision = this.structure.revisions[revisionNumber - 1];
    const sizeValue = revision.trailer.get(PDFName.of('Size'));
    const size = sizeValue instanceof PDFNumber ? sizeValue.asNumber() : 0;
    context.largestObjectNumber = Math.max(context.largestObjectNumber, size - 1);
    context.trailerInfo = { Root: this.structure.root, Info: this.structure.info, ID: this.structure.id, Encrypt: undefined };
    return context;
  }

  private loadEntry(objectNumber: number, entry: Exclude<XrefEntry, { kind: 'free' }>, revision: number, context: PDFContext): PDFObject {
    try {
      if (entry.kind === 'offset') return this.parseAt(entry.offset, context, revision);
      return this.parseCompressed(objectNumber, entry, revision, context);
    } catch (error) {
      if (error instanceof SigningError) throw error;
      throw new SigningError('PDF_MALFORMED', `Cannot parse object ${objectNumber}: ${(error as Error).message}`, { cause: error });
    }
  }

  private parseAt(offset: number, context: PDFContext, revision = this.structure.revisions.length): PDFObject {
    const body = this.bodyAt(offset);
    return new RevisionObjectParser(body, context, (ref) => this.resolveLength(ref, revision)).parseObject();
  }

  private resolveLength(ref: PDFRef, revision: number): number | undefined {
    const entry = this.structure.entry(ref.objectNumber, revision);
    if (entry?.kind !== 'offset') return undefined;
    const value = PDFObjectParser.forBytes(this.bodyAt(entry.offset), PDFContext.create()).parseObject();
    return value instanceof PDFNumber ? value.asNumber() : undefined;
  }

  /** The bytes from just after `N G obj` at file offset `offset` to the end of the piece holding it (objects never straddle pieces). */
  private bodyAt(offset: number): Buffer {
    const { bytes, start } = this.structure.source.locate(offset);
    const { bodyOffset } = skipObjectHeader(bytes, offset - start);
    return bytes.subarray(bodyOffset);
  }

  private parseCompressed(
    objectNumber: number,
    entry: { streamNumber: number; index: number },
    revision: number,
    context: PDFContext,
  ): PDFObject {
    const stream = this.objectStream(entry.streamNumber, revision);
    const pair = stream.pairs[entry.index]?.[0] === objectNumber
      ? stream.pairs[entry.index]
      : stream.pairs.find(([number]) => number === objectNumber);
    if (!pair) throw new SigningError('PDF_MALFORMED', `Object ${objectNumber} missing from object stream ${entry.streamNumber}`);
    return PDFObjectParser.forBytes(stream.data.subarray(stream.first + pair[1]), context).parseObject();
  }

  private objectStream(streamNumber: number, revision: number): DecodedObjectStream {
    const entry = this.structure.entry(streamNumber, revision);
    if (entry?.kind !== 'offset') throw new SigningError('PDF_MALFORMED', `Object stream ${streamNumber} not found`);
    const cached = this.objectStreams.get(entry.offset);
    if (cached) return cached;
    const raw = this.parseAt(entry.offset, PDFContext.create(), revision);
    if (!(raw instanceof PDFRawStream)) throw new SigningError('PDF_MALFORMED', `Object ${streamNumber} is not a stream`);
    const decoded = decodeObjectStream(raw);
    this.objectStreams.set(entry.offset, decoded);
    return decoded;
  }
}

function decodeObjectStream(raw: PDFRawStream): DecodedObjectStream {
  const count = raw.dict.lookup(PDFName.of('N'));
  const first = raw.dict.lookup(PDFName.of('First'));
  if (!(count instanceof PDFNumber) || !(first instanceof PDFNumber)) {
    throw new SigningError('PDF_MALFORMED', 'Object stream without /N or /First');
  }
  const data = decodeStreamContents(raw);
  const numbers = latin1(data, 0, first.asNumber()).trim().split(/\s+/).map(Number);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < count.asNumber(); i += 1) pairs.push([numbers[2 * i], numbers[2 * i + 1]]);
  return { data, first: first.asNumber(), pairs };
}
