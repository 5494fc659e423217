import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** One file to embed: its bytes come from `open()` (a stored file, streamed) or are in hand (the index). */
export interface PdfAttachment {
  /** The attachment's name (ASCII: our file names), its key in the EmbeddedFiles name tree. */
  name: string;
  mimeType: string;
  description: string;
  sizeBytes: number;
  /** The bytes must hash to this (the store's SHA-256): checked on the pass that writes them. */
  sha256?: string;
  open: () => Promise<Readable> | Readable;
}

/** What the joined PDF ends with (its trailer) and its catalog, read from its bytes as they pass. */
interface PdfTail {
  root: { num: number; gen: number };
  catalog: string;
  size: number;
  id: string | null;
  startxref: number;
}

/** qpdf writes the catalog first (object 1): it is looked for in these first bytes. */
const HEAD_BYTES = 64 * 1024;
/** The trailer, `startxref` and `%%EOF` are looked for in these last bytes. */
const TAIL_BYTES = 4 * 1024;

/**
 * The export's bytes, produced as they are sent: `reading` (the joined PDF, as qpdf writes it to its
 * output pipe) passed on untouched, then an **incremental update** (PDF 32000-1 §7.5.6) embedding
 * `attachments`: one EmbeddedFile stream and one file specification per file, the EmbeddedFiles
 * name tree, the catalog again (pointing at the tree), a cross-reference section and a trailer
 * pointing back at qpdf's. `readingDone` is awaited between the two (qpdf's exit status: a join that
 * failed gets no update). Each attached byte is read once from its source and checked against its
 * SHA-256 on that pass; a file that differs throws before the cross-reference section, so what was
 * given out never ends as a PDF. Nothing is held beyond a chunk, the first 64 KiB and the name tree.
 */
export async function* withAttachments(reading: AsyncIterable<Buffer>, readingDone: () => Promise<void>, attachments: readonly PdfAttachment[]): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let last: Buffer = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of reading) {
    if (headBytes < HEAD_BYTES) {
      head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
      headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
    }
    last = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([last, chunk]).subarray(-TAIL_BYTES);
    offset += chunk.length;
    yield chunk;
  }
  await readingDone();
  yield* incrementalUpdate(tailOf(Buffer.concat(head), last), offset, attachments);
}

async function* incrementalUpdate(tail: PdfTail, start: number, attachments: readonly PdfAttachment[]): AsyncGenerator<Buffer> {
  if (/\/Names\b/.test(tail.catalog)) throw new Error('the joined PDF already has a name dictionary; attachments would replace it');
  // Text is gathered in `pending` (one byte a character: latin1) and given out before each file's bytes.
  let offset = start;
  let pending = '';
  const here = () => offset + pending.length;
  const take = (): Buffer => {
    const bytes = Buffer.from(pending, 'latin1');
    pending = '';
    offset += bytes.length;
    return bytes;
  };
  const offsets = new Map<number, number>();
  let next = tail.size;
  const tree: { name: string; ref: number }[] = [];
  // A newline first: the previous section ends with %%EOF, maybe without an end of line.
  pending += '\n';
  for (const a of attachments) {
    const stream = next++;
    const spec = next++;
    offsets.set(stream, here());
    pending += `${stream} 0 obj\n<< /Type /EmbeddedFile /Subtype ${pdfName(a.mimeType)} /Length ${a.sizeBytes} /Params << /Size ${a.sizeBytes} >> >>\nstream\n`;
    yield take();
    const own = createHash('sha256');
    let written = 0;
    for await (const chunk of await a.open()) {
      const bytes = chunk as Buffer;
      own.update(bytes);
      written += bytes.length;
      if (written > a.sizeBytes) break;
      offset += bytes.length;
      yield bytes;
    }
    if (written !== a.sizeBytes) throw new Error(`attachment ${a.name}: ${written} bytes, expected ${a.sizeBytes}`);
    if (a.sha256 && own.digest('hex') !== a.sha256) throw new Error(`attachment ${a.name} does not match its SHA-256`);
    pending += '\nendstream\nendobj\n';
    offsets.set(spec, here());
    pending += `${spec} 0 obj\n<< /Type /Filespec /F ${pdfString(a.name)} /UF ${pdfText(a.name)} /Desc ${pdfText(a.description)} /EF << /F ${stream} 0 R /UF ${stream} 0 R >> /AFRelationship /Data >>\nendobj\n`;
    tree.push({ name: a.name, ref: spec });
  }
  // The name tree's keys in byte order (PDF 32000-1 §7.9.6); one leaf holds them all.
  tree.sort((x, y) => Buffer.compare(Buffer.from(x.name, 'latin1'), Buffer.from(y.name, 'latin1')));
  const names = next++;
  offsets.set(names, here());
  pending += `${names} 0 obj\n<< /Names [\n${tree.map((t) => `${pdfString(t.name)} ${t.ref} 0 R`).join('\n')}\n] >>\nendobj\n`;
  const catalogOffset = here();
  pending += `${tail.root.num} ${tail.root.gen} obj\n${tail.catalog.replace(/>>\s*$/, `/Names << /EmbeddedFiles ${names} 0 R >> >>`)}\nendobj\n`;
  const xref = here();
  const line = (at: number, gen: number) => `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  pending +=
    `xref\n${tail.root.num} 1\n${line(catalogOffset, tail.root.gen)}${tail.size} ${next - tail.size}\n` +
    Array.from({ length: next - tail.size }, (_, i) => line(offsets.get(tail.size + i)!, 0)).join('') +
    `trailer\n<< /Size ${next} /Root ${tail.root.num} ${tail.root.gen} R /Prev ${tail.startxref}${tail.id ? ` /ID ${tail.id}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  yield take();
}

/** The trailer from the joined PDF's last bytes (qpdf writes a classic one: no object streams), its catalog from the first. */
function tailOf(head: Buffer, last: Buffer): PdfTail {
  const end = [...last.toString('latin1').matchAll(/trailer\s*(<<[\s\S]*?>>)\s*startxref\s+(\d+)\s+%%EOF/g)].pop();
  if (!end) throw new Error('no trailer at the end of the joined PDF');
  const [, trailer, startxref] = end;
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  if (!root || !size || /\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) throw new Error(`unexpected trailer of the joined PDF: ${trailer.slice(0, 200)}`);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1] ?? null;
  const catalog = new RegExp(`(?:^|\\s)${root[1]}\\s+${root[2]}\\s+obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(head.toString('latin1'))?.[1];
  if (!catalog) throw new Error(`the joined PDF's catalog (${root[1]} ${root[2]} R) is not among its first ${HEAD_BYTES} bytes`);
  return { root: { num: Number(root[1]), gen: Number(root[2]) }, catalog, size: Number(size[1]), id, startxref: Number(startxref) };
}

/** `application/pdf` → `/application#2Fpdf`: a PDF name, every byte outside the regular characters as #xx. */
export function pdfName(value: string): string {
  return '/' + [...Buffer.from(value, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !'#/()<>[]{}%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** A literal string of printable ASCII (our file names), with the three characters that need it escaped. */
export function pdfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not a printable ASCII name: ${value}`);
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A text string of any language: UTF-16BE with its byte order mark, written in hex. */
export function pdfText(value: string): string {
  const utf16 = Buffer.from(value.normalize('NFC'), 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}
