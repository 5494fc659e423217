import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFHexString, PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { ascii } from './pdf-bytes';
import { PdfStructure } from './pdf-structure';

export type RevisionObject =
  | { ref: PDFRef; object: PDFObject }
  /** A pre-serialised body, e.g. a signature dictionary whose placeholders we patch later. */
  | { ref: PDFRef; body: Uint8Array };

export interface AppendedRevision {
  /** The new revision's bytes only: they follow the previous file, which is neither copied nor touched. */
  revision: Buffer;
  /** Where `revision` starts in the new file: the previous file's length. */
  offset: number;
  /** Offset in the new file of each written object's body (just after `N G obj\n`). */
  bodyOffsets: Map<number, number>;
}

/**
 * Appends one incremental update (ISO 32000-1 §7.5.6). The new cross-reference section has the
 * same kind as the previous one: a table after a table (also for hybrid files, whose newest
 * section is a table) and a stream after a stream. Readers accept a table whose /Prev is a
 * stream, but strict validators flag the mix, and a stream after a table would hide the update
 * from pre-1.5 readers; matching the previous kind is valid for every reader that could read
 * the file before.
 */
export function appendRevision(structure: PdfStructure, objects: RevisionObject[]): AppendedRevision {
  const previousLength = structure.length;
  const parts: Buffer[] = [];
  let position = previousLength;
  const push = (chunk: Buffer): void => {
    parts.push(chunk);
    position += chunk.length;
  };
  const lastByte = structure.source.byteAt(previousLength - 1);
  if (lastByte !== 0x0a && lastByte !== 0x0d) push(ascii('\n'));

  const entries: XrefRow[] = [];
  const bodyOffsets = new Map<number, number>();
  const hash = createHash('md5');
  for (const item of [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
    const header = ascii(`${item.ref.objectNumber} ${item.ref.generationNumber} obj\n`);
    const body = 'body' in item ? Buffer.from(item.body) : serialise(item.object);
    entries.push({ objectNumber: item.ref.objectNumber, generation: item.ref.generationNumber, offset: position });
    bodyOffsets.set(item.ref.objectNumber, position + header.length);
    hash.update(body);
    push(Buffer.concat([header, body, ascii('\nendobj\n')]));
  }
  const trailer = trailerEntries(structure, hash.digest('hex'));
  const xrefOffset = position;
  push(structure.latest.xrefKind === 'stream'
    ? xrefStream(structure, entries, trailer, xrefOffset)
    : xrefTable(structure, entries, trailer));
  push(ascii(`startxref\n${xrefOffset}\n%%EOF\n`));
  return { revision: Buffer.concat(parts, position - previousLength), offset: previousLength, bodyOffsets };
}

interface XrefRow {
  objectNumber: number;
  generation: number;
  offset: number;
}

export function serialise(object: PDFObject): Buffer {
  const buffer = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
}

/** /Root, /Info and /ID carried over (ISO 32000-1 §7.5.6: all entries except /Prev are repeated). */
function trailerEntries(structure: PdfStructure, revisionHash: string): string {
  const parts = [`/Root ${structure.root}`];
  if (structure.info) parts.push(`/Info ${structure.info}`);
  const permanentId = firstIdOf(structure.id) ?? revisionHash;
  // The second identifier changes with every revision (§14.4).
  parts.push(`/ID [<${permanentId}> <${revisionHash}>]`);
  parts.push(`/Prev ${structure.latest.xrefOffset}`);
  return parts.join(' ');
}

function firstIdOf(id: PDFArray | undefined): string | undefined {
  const first = id?.get(0);
  if (first instanceof PDFHexString) return first.asString();
  if (first instanceof PDFString) return Buffer.from(first.asBytes()).toString('hex');
  return undefined;
}

function subsections(rows: XrefRow[]): XrefRow[][] {
  const groups: XrefRow[][] = [];
  for (const row of rows) {
    const group = groups[groups.length - 1];
    if (group && group[group.length - 1].objectNumber + 1 === row.objectNumber) group.push(row);
    else groups.push([row]);
  }
  return groups;
}

function newSize(structure: PdfStructure, rows: XrefRow[]): number {
  return Math.max(structure.size, ...rows.map((row) => row.objectNumber + 1));
}

function xrefTable(structure: PdfStructure, rows: XrefRow[], trailer: string): Buffer {
  const lines = ['xref'];
  for (const group of subsections(rows)) {
    lines.push(`${group[0].objectNumber} ${group.length}`);
    for (const row of group) {
      // Exactly 20 bytes per entry: 10-digit offset, 5-digit generation, "n", SP LF.
      lines.push(`${String(row.offset).padStart(10, '0')} ${String(row.generation).padStart(5, '0')} n `);
    }
  }
  lines.push('trailer', `<< /Size ${newSize(structure, rows)} ${trailer} >>`, '');
  return ascii(lines.join('\n'));
}

function xrefStream(structure: PdfStructure, rows: XrefRow[], trailer: string, ownOffset: number): Buffer {
  const ownNumber = newSize(structure, rows);
  const all = [...rows, { objectNumber: ownNumber, generation: 0, offset: ownOffset }];
  const offsetWidth = Math.max(4, Math.ceil(Math.log2(ownOffset + 1) / 8));
  const data = Buffer.alloc(all.length * (1 + offsetWidth + 2));
  all.forEach((row, i) => {
    const at = i * (1 + offsetWidth + 2);
    data[at] = 1;
    data.writeUIntBE(row.offset, at + 1, offsetWidth);
    data.writeUInt16BE(row.generation, at + 1 + offsetWidth);
  });
  const compressed = deflateSync(data);
  const index = subsections(all).map((group) => `${group[0].objectNumber} ${group.length}`).join(' ');
  const dict =
    `<< /Type /XRef /Size ${ownNumber + 1} /Index [${index}] /W [1 ${offsetWidth} 2] ${trailer} ` +
    `/Filter /FlateDecode /Length ${compressed.length} >>`;
  return Buffer.concat([ascii(`${ownNumber} 0 obj\n${dict}\nstream\n`), compressed, ascii('\nendstream\nendobj\n')]);
}
