import { createHash, Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { runCommand } from '@eoffice/core';
import { qpdfSucceeded } from './pdf-pages';

const SHOW_TIMEOUT_MS = 60_000;
/** Bytes gathered before one write to the PDF, and read at once when hashing qpdf's part. */
const WRITE_PIECE = 1024 * 1024;

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

/** What the PDF on disk ends with, read from qpdf (in its own process) and from its last bytes. */
interface PdfTail {
  root: { num: number; gen: number };
  catalog: string;
  size: number;
  id: string | null;
  startxref: number;
}

/**
 * Embeds files into a PDF as an **incremental update** (PDF 32000-1 §7.5.6): the file as qpdf wrote
 * it stays as it is, and after it come one EmbeddedFile stream and one file specification per file,
 * the EmbeddedFiles name tree, the catalog again (pointing at the tree), a cross-reference section
 * and a trailer that points back at the previous one. Each file is streamed from its source into
 * the PDF, hashed on the way (checked against its SHA-256), and the SHA-256 of the whole PDF is
 * taken on the same pass: every attached byte is read once and written once, and nothing is held in
 * memory beyond a chunk and the name tree. `pdfdetach` gives the files back byte for byte.
 */
export async function appendAttachments(path: string, attachments: readonly PdfAttachment[]): Promise<{ sha256: string; sizeBytes: number }> {
  const tail = await readTail(path);
  if (/\/Names\b/.test(tail.catalog)) throw new Error('the joined PDF already has a name dictionary; attachments would replace it');
  const whole = createHash('sha256');
  let offset = await hashInto(path, whole);
  const handle = await open(path, 'a');
  try {
    // Written in pieces of about 1 MiB: the store's streams give 64 KiB chunks, and one write (a
    // thread-pool round trip) each was most of this pass's own time in the profile.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at)).bytesWritten;
    };
    const write = async (data: Buffer | string) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
      whole.update(bytes);
      pending.push(bytes);
      pendingBytes += bytes.length;
      offset += bytes.length;
      if (pendingBytes >= WRITE_PIECE) await flush();
    };
    const offsets = new Map<number, number>();
    let next = tail.size;
    const tree: { name: string; ref: number }[] = [];
    // A newline first: the previous section ends with %%EOF, maybe without an end of line.
    await write('\n');
    for (const a of attachments) {
      const stream = next++;
      const spec = next++;
      offsets.set(stream, offset);
      await write(`${stream} 0 obj\n<< /Type /EmbeddedFile /Subtype ${pdfName(a.mimeType)} /Length ${a.sizeBytes} /Params << /Size ${a.sizeBytes} >> >>\nstream\n`);
      const own = createHash('sha256');
      let written = 0;
      for await (const chunk of await a.open()) {
        const bytes = chunk as Buffer;
        own.update(bytes);
        written += bytes.length;
        if (written > a.sizeBytes) break;
        await write(bytes);
      }
      if (written !== a.sizeBytes) throw new Error(`attachment ${a.name}: ${written} bytes, expected ${a.sizeBytes}`);
      if (a.sha256 && own.digest('hex') !== a.sha256) throw new Error(`attachment ${a.name} does not match its SHA-256`);
      await write('\nendstream\nendobj\n');
      offsets.set(spec, offset);
      await write(
        `${spec} 0 obj\n<< /Type /Filespec /F ${pdfString(a.name)} /UF ${pdfText(a.name)} /Desc ${pdfText(a.description)} /EF << /F ${stream} 0 R /UF ${stream} 0 R >> /AFRelationship /Data >>\nendobj\n`,
      );
      tree.push({ name: a.name, ref: spec });
    }
    // The name tree's keys in byte order (PDF 32000-1 §7.9.6); one leaf holds them all.
    tree.sort((x, y) => Buffer.compare(Buffer.from(x.name, 'latin1'), Buffer.from(y.name, 'latin1')));
    const names = next++;
    offsets.set(names, offset);
    await write(`${names} 0 obj\n<< /Names [\n${tree.map((t) => `${pdfString(t.name)} ${t.ref} 0 R`).join('\n')}\n] >>\nendobj\n`);
    const catalogOffset = offset;
    await write(`${tail.root.num} ${tail.root.gen} obj\n${tail.catalog.replace(/>>\s*$/, `/Names << /EmbeddedFiles ${names} 0 R >> >>`)}\nendobj\n`);
    const xref = offset;
    const line = (at: number, gen: number) => `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
    await write(
      `xref\n${tail.root.num} 1\n${line(catalogOffset, tail.root.gen)}${tail.size} ${next - tail.size}\n` +
        Array.from({ length: next - tail.size }, (_, i) => line(offsets.get(tail.size + i)!, 0)).join('') +
        `trailer\n<< /Size ${next} /Root ${tail.root.num} ${tail.root.gen} R /Prev ${tail.startxref}${tail.id ? ` /ID ${tail.id}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`,
    );
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: whole.digest('hex'), sizeBytes: offset };
}

async function readTail(path: string): Promise<PdfTail> {
  const trailer = await show(path, 'trailer');
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  if (!root || !size) throw new Error(`unexpected trailer from qpdf: ${trailer.slice(0, 200)}`);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1] ?? null;
  const catalog = (await show(path, `${root[1]},${root[2]}`)).trim();
  if (!catalog.startsWith('<<') || !catalog.endsWith('>>')) throw new Error(`unexpected catalog from qpdf: ${catalog.slice(0, 200)}`);
  const { size: bytes } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const last = Buffer.alloc(Math.min(1024, bytes));
    await handle.read(last, 0, last.length, bytes - last.length);
    const startxref = [...last.toString('latin1').matchAll(/startxref\s+(\d+)/g)].pop()?.[1];
    if (!startxref) throw new Error('no startxref at the end of the joined PDF');
    return { root: { num: Number(root[1]), gen: Number(root[2]) }, catalog, size: Number(size[1]), id, startxref: Number(startxref) };
  } finally {
    await handle.close();
  }
}

async function show(path: string, object: string): Promise<string> {
  const result = await runCommand('qpdf', [`--show-object=${object}`, path], { timeoutMs: SHOW_TIMEOUT_MS });
  if (!qpdfSucceeded(result.exitCode)) throw new Error(`qpdf --show-object=${object} failed (${result.exitCode}): ${result.stderr.toString().slice(0, 300)}`);
  return result.stdout.toString('latin1');
}

function hashInto(path: string, hash: Hash): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    createReadStream(path, { highWaterMark: WRITE_PIECE })
      .on('data', (chunk: Buffer | string) => {
        hash.update(chunk);
        bytes += chunk.length;
      })
      .once('error', reject)
      .once('end', () => resolve(bytes));
  });
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
