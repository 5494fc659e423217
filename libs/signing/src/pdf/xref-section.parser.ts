import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { isPdfWhitespace, latin1, skipWhitespace } from './pdf-bytes';
import { decodeStreamContents } from './stream-decoder';

export type XrefEntry =
  | { kind: 'offset'; offset: number; generation: number }
  | { kind: 'compressed'; streamNumber: number; index: number }
  | { kind: 'free' };

export interface XrefSection {
  offset: number;
  kind: 'table' | 'stream';
  /** Trailer dictionary, or the cross-reference stream's dictionary. */
  trailer: PDFDict;
  entries: Map<number, XrefEntry>;
}

/** Reads the cross-reference section (classic table or stream) that starts at `offset`. */
export function parseXrefSectionAt(bytes: Buffer, offset: number, context: PDFContext): XrefSection {
  if (offset < 0 || offset >= bytes.length) {
    throw new SigningError('PDF_MALFORMED', `Cross-reference offset ${offset} is outside the file`);
  }
  const start = skipWhitespace(bytes, offset);
  if (latin1(bytes, start, start + 4) === 'xref') return parseXrefTable(bytes, start + 4, offset, context);
  return parseXrefStream(bytes, offset, context);
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

class TokenReader {
  constructor(
    private readonly bytes: Buffer,
    public position: number,
  ) {}

  next(): string {
    this.position = skipWhitespace(this.bytes, this.position);
    const start = this.position;
    while (this.position < this.bytes.length && !isPdfWhitespace(this.bytes[this.position])) this.position += 1;
    return latin1(this.bytes, start, this.position);
  }

  peekKeyword(keyword: string): boolean {
    const at = skipWhitespace(this.bytes, this.position);
    return latin1(this.bytes, at, at + keyword.length) === keyword;
  }

  /** Read from the bytes, not through a string: every object header and xref entry is one of these. */
  int(): number {
    this.position = skipWhitespace(this.bytes, this.position);
    const start = this.position;
    let value = 0;
    while (this.position < this.bytes.length && this.bytes[this.position] >= DIGIT_0 && this.bytes[this.position] <= DIGIT_9) {
      value = value * 10 + this.bytes[this.position] - DIGIT_0;
      this.position += 1;
    }
    if (this.position === start || (this.position < this.bytes.length && !isPdfWhitespace(this.bytes[this.position]))) {
      this.position = start;
      throw new SigningError('PDF_MALFORMED', `Expected an integer, found "${this.next()}"`);
    }
    return value;
  }
}

function parseXrefTable(bytes: Buffer, bodyStart: number, offset: number, context: PDFContext): XrefSection {
  const reader = new TokenReader(bytes, bodyStart);
  const entries = new Map<number, XrefEntry>();
  while (!reader.peekKeyword('trailer')) {
    const first = reader.int();
    const count = reader.int();
    for (let i = 0; i < count; i += 1) {
      const entryOffset = reader.int();
      const generation = reader.int();
      const type = reader.next();
      if (type !== 'n' && type !== 'f') throw new SigningError('PDF_MALFORMED', `Bad xref entry type "${type}"`);
      entries.set(first + i, type === 'n' ? { kind: 'offset', offset: entryOffset, generation } : { kind: 'free' });
    }
  }
  reader.next(); // "trailer"
  const parser = PDFObjectParser.forBytes(bytes.subarray(skipWhitespace(bytes, reader.position)), context);
  const trailer = parser.parseObject();
  if (!(trailer instanceof PDFDict)) throw new SigningError('PDF_MALFORMED', 'Trailer is not a dictionary');
  return { offset, kind: 'table', trailer, entries };
}

/** Parses `N G obj` at `offset` and returns the offset just after `obj`. */
export function skipObjectHeader(bytes: Buffer, offset: number): { objectNumber: number; generation: number; bodyOffset: number } {
  const reader = new TokenReader(bytes, offset);
  const objectNumber = reader.int();
  const generation = reader.int();
  reader.position = skipWhitespace(bytes, reader.position);
  if (latin1(bytes, reader.position, reader.position + 3) !== 'obj') {
    throw new SigningError('PDF_MALFORMED', `No object header at offset ${offset}`);
  }
  return { objectNumber, generation, bodyOffset: reader.position + 3 };
}

function parseXrefStream(bytes: Buffer, offset: number, context: PDFContext): XrefSection {
  const { bodyOffset } = skipObjectHeader(bytes, offset);
  const stream = PDFObjectParser.forBytes(bytes.subarray(bodyOffset), context).parseObject();
  if (!(stream instanceof PDFRawStream) || stream.dict.lookup(PDFName.of('Type')) !== PDFName.of('XRef')) {
    throw new SigningError('PDF_MALFORMED', `startxref/Prev ${offset} points to neither a table nor an XRef stream`);
  }
  const widths = numberArray(stream.dict.lookup(PDFName.of('W')));
  const size = numberOf(stream.dict.lookup(PDFName.of('Size')));
  const index = stream.dict.has(PDFName.of('Index')) ? numberArray(stream.dict.lookup(PDFName.of('Index'))) : [0, size];
  const data = decodeStreamContents(stream);
  const entries = new Map<number, XrefEntry>();
  const rowLength = widths[0] + widths[1] + widths[2];
  let row = 0;
  for (let pair = 0; pair < index.length; pair += 2) {
    for (let i = 0; i < index[pair + 1]; i += 1, row += 1) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw new SigningError('PDF_MALFORMED', 'XRef stream is truncated');
      const type = widths[0] === 0 ? 1 : readField(data, at, widths[0]);
      const second = readField(data, at + widths[0], widths[1]);
      const third = readField(data, at + widths[0] + widths[1], widths[2]);
      entries.set(index[pair] + i, toEntry(type, second, third));
    }
  }
  return { offset, kind: 'stream', trailer: stream.dict, entries };
}

function toEntry(type: number, second: number, third: number): XrefEntry {
  if (type === 1) return { kind: 'offset', offset: second, generation: third };
  if (type === 2) return { kind: 'compressed', streamNumber: second, index: third };
  return { kind: 'free' };
}

function readField(data: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let i = 0; i < width; i += 1) value = value * 256 + data[at + i];
  return value;
}

function numberOf(value: unknown): number {
  if (value instanceof PDFNumber) return value.asNumber();
  throw new SigningError('PDF_MALFORMED', 'Expected a number in the XRef stream dictionary');
}

function numberArray(value: unknown): number[] {
  if (!(value instanceof PDFArray)) throw new SigningError('PDF_MALFORMED', 'Expected an array in the XRef stream dictionary');
  return value.asArray().map(numberOf);
}
