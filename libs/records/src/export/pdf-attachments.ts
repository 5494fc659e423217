import type { ExportPiece, FilePiece } from './export-pieces';
import { pdfName, pdfString, pdfText } from './pdf-syntax';
import { readTail } from './pdf-tail';

/** One file to embed: a file on disk read where it lies (a stored file), or bytes in hand (the index). */
export interface PdfAttachment {
  /** The attachment's name (ASCII: our file names), its key in the EmbeddedFiles name tree. */
  name: string;
  mimeType: string;
  description: string;
  sizeBytes: number;
  /** The bytes must hash to this (the store's SHA-256): checked on the pass that hashes the export. */
  sha256?: string;
  source: { path: string } | { bytes: Buffer };
}

/**
 * The PDF at `path` with files embedded as an **incremental update** (PDF 32000-1 §7.5.6), as the
 * pieces to write in order: the file as qpdf wrote it, then one EmbeddedFile stream and one file
 * specification per file, the EmbeddedFiles name tree, the catalog again (pointing at the tree), a
 * cross-reference section and a trailer that points back at the previous one. Nothing is read but
 * the PDF's tail: every offset follows from the sizes, so the pieces are planned before a byte is
 * read, then checked and hashed (`checkPieces`) and sent (`sendPieces`) — each attached file is
 * read where it lies, never copied into the export on disk. `pdfdetach` gives the files back byte for byte.
 */
export async function incrementalUpdate(path: string, attachments: readonly PdfAttachment[]): Promise<ExportPiece[]> {
  const tail = await readTail(path);
  if (/\/Names\b/.test(tail.catalog)) throw new Error('the joined PDF already has a name dictionary; attachments would replace it');
  const out = new PieceList({ path, sizeBytes: tail.bytes, name: 'the joined pages' });
  const offsets: number[] = [];
  let next = tail.size;
  const tree: { name: string; ref: number }[] = [];
  // A newline first: the previous section ends with %%EOF, maybe without an end of line.
  out.text('\n');
  for (const a of attachments) {
    const stream = next++;
    const spec = next++;
    offsets[stream - tail.size] = out.offset;
    out.text(`${stream} 0 obj\n<< /Type /EmbeddedFile /Subtype ${pdfName(a.mimeType)} /Length ${a.sizeBytes} /Params << /Size ${a.sizeBytes} >> >>\nstream\n`);
    if ('bytes' in a.source) {
      if (a.source.bytes.length !== a.sizeBytes) throw new Error(`attachment ${a.name}: ${a.source.bytes.length} bytes, expected ${a.sizeBytes}`);
      out.bytes(a.source.bytes);
    } else out.file({ path: a.source.path, sizeBytes: a.sizeBytes, sha256: a.sha256, name: `attachment ${a.name}` });
    out.text('\nendstream\nendobj\n');
    offsets[spec - tail.size] = out.offset;
    out.text(`${spec} 0 obj\n<< /Type /Filespec /F ${pdfString(a.name)} /UF ${pdfText(a.name)} /Desc ${pdfText(a.description)} /EF << /F ${stream} 0 R /UF ${stream} 0 R >> /AFRelationship /Data >>\nendobj\n`);
    tree.push({ name: a.name, ref: spec });
  }
  // The name tree's keys in byte order (PDF 32000-1 §7.9.6); one leaf holds them all.
  tree.sort((x, y) => Buffer.compare(Buffer.from(x.name, 'latin1'), Buffer.from(y.name, 'latin1')));
  const names = next++;
  offsets[names - tail.size] = out.offset;
  out.text(`${names} 0 obj\n<< /Names [\n${tree.map((t) => `${pdfString(t.name)} ${t.ref} 0 R`).join('\n')}\n] >>\nendobj\n`);
  const catalogOffset = out.offset;
  out.text(`${tail.root.num} ${tail.root.gen} obj\n${tail.catalog.replace(/>>\s*$/, `/Names << /EmbeddedFiles ${names} 0 R >> >>`)}\nendobj\n`);
  const xref = out.offset;
  const line = (at: number, gen: number) => `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  out.text(
    `xref\n${tail.root.num} 1\n${line(catalogOffset, tail.root.gen)}${tail.size} ${next - tail.size}\n` +
      offsets.map((at) => line(at, 0)).join('') +
      `trailer\n<< /Size ${next} /Root ${tail.root.num} ${tail.root.gen} R /Prev ${tail.startxref}${tail.id ? ` /ID ${tail.id}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  return out.done();
}

/** Pieces in order with the running offset; consecutive text is joined into one piece. */
class PieceList {
  private readonly pieces: ExportPiece[] = [];
  private pending: string[] = [];
  offset: number;

  constructor(first: FilePiece) {
    this.pieces.push(first);
    this.offset = first.sizeBytes;
  }

  text(syntax: string): void {
    this.pending.push(syntax);
    this.offset += syntax.length;
  }

  bytes(bytes: Buffer): void {
    this.flush();
    this.pieces.push(bytes);
    this.offset += bytes.length;
  }

  file(file: FilePiece): void {
    this.flush();
    this.pieces.push(file);
    this.offset += file.sizeBytes;
  }

  done(): ExportPiece[] {
    this.flush();
    return this.pieces;
  }

  private flush(): void {
    if (this.pending.length) this.pieces.push(this.pending.join(''));
    this.pending = [];
  }
}
