import { FileHandle, open } from 'node:fs/promises';
import { runCommand } from '@eoffice/core';
import { qpdfSucceeded } from './pdf-pages';

const SHOW_TIMEOUT_MS = 60_000;
/** The trailer and `startxref` qpdf writes fit well within this. */
const TAIL_BYTES = 4096;
/** A catalog larger than this (an outline, page labels of thousands of pages) is asked of qpdf instead. */
const CATALOG_BYTES = 64 * 1024;

/** What the PDF on disk ends with: its catalog, trailer and size, to append an incremental update. */
export interface PdfTail {
  root: { num: number; gen: number };
  catalog: string;
  size: number;
  id: string | null;
  startxref: number;
  bytes: number;
}

/**
 * The tail of a PDF qpdf wrote with `--object-streams=disable`: a classic cross-reference table and
 * trailer. Read from the file's last bytes and the catalog's line of the table (a few kilobytes,
 * no process started: two `qpdf --show-object` runs from the API cost 0.2–0.3 s CPU per export);
 * anything else (an xref stream, several subsections, an odd catalog) is asked of qpdf, as before.
 */
export async function readTail(path: string): Promise<PdfTail> {
  const handle = await open(path, 'r');
  try {
    const { size: bytes } = await handle.stat();
    const last = (await readAt(handle, bytes - Math.min(TAIL_BYTES, bytes), Math.min(TAIL_BYTES, bytes))).toString('latin1');
    const startxref = [...last.matchAll(/startxref\s+(\d+)/g)].pop()?.[1];
    if (!startxref) throw new Error('no startxref at the end of the joined PDF');
    const fromFile = await tailFromFile(handle, last, Number(startxref), bytes);
    if (fromFile) return fromFile;
    return { ...(await tailFromQpdf(path)), startxref: Number(startxref), bytes };
  } finally {
    await handle.close();
  }
}

async function tailFromFile(handle: FileHandle, last: string, startxref: number, bytes: number): Promise<PdfTail | null> {
  const at = last.lastIndexOf('trailer');
  if (at < 0) return null;
  const trailer = parseTrailer(last.slice(at));
  if (!trailer) return null;
  // One subsection from object 0, entries of exactly 20 bytes (PDF 32000-1 §7.5.4).
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec((await readAt(handle, startxref, 64)).toString('latin1'));
  if (!head || Number(head[1]) !== trailer.size || trailer.root.num >= trailer.size) return null;
  const entry = /^(\d{10}) (\d{5}) n/.exec((await readAt(handle, startxref + head[0].length + 20 * trailer.root.num, 20)).toString('latin1'));
  if (!entry || Number(entry[2]) !== trailer.root.gen) return null;
  const offset = Number(entry[1]);
  const object = (await readAt(handle, offset, Math.min(CATALOG_BYTES, bytes - offset))).toString('latin1');
  const body = new RegExp(`^${trailer.root.num}\\s+${trailer.root.gen}\\s+obj\\s*([\\s\\S]*?)\\s*endobj`).exec(object)?.[1];
  if (!body || !body.startsWith('<<') || !body.endsWith('>>') || /\bstream\b/.test(body)) return null;
  return { ...trailer, catalog: body, startxref, bytes };
}

/** Root, size and ID from a trailer dictionary (qpdf's text, or the file's own). */
function parseTrailer(trailer: string): Pick<PdfTail, 'root' | 'size' | 'id'> | null {
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  if (!root || !size) return null;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1] ?? null;
  return { root: { num: Number(root[1]), gen: Number(root[2]) }, size: Number(size[1]), id };
}

async function tailFromQpdf(path: string): Promise<Pick<PdfTail, 'root' | 'size' | 'id' | 'catalog'>> {
  const text = await show(path, 'trailer');
  const trailer = parseTrailer(text);
  if (!trailer) throw new Error(`unexpected trailer from qpdf: ${text.slice(0, 200)}`);
  const catalog = (await show(path, `${trailer.root.num},${trailer.root.gen}`)).trim();
  if (!catalog.startsWith('<<') || !catalog.endsWith('>>')) throw new Error(`unexpected catalog from qpdf: ${catalog.slice(0, 200)}`);
  return { ...trailer, catalog };
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function show(path: string, object: string): Promise<string> {
  const result = await runCommand('qpdf', [`--show-object=${object}`, path], { timeoutMs: SHOW_TIMEOUT_MS });
  if (!qpdfSucceeded(result.exitCode)) throw new Error(`qpdf --show-object=${object} failed (${result.exitCode}): ${result.stderr.toString().slice(0, 300)}`);
  return result.stdout.toString('latin1');
}
