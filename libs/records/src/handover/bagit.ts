import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, lstat, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';

/**
 * BagIt (RFC 8493): a directory with the payload under `data/`, a SHA-256 manifest of every payload
 * file, `bagit.txt`, `bag-info.txt` (with Payload-Oxum) and a tag manifest over those. Plain
 * functions on a directory, no database: the worker writes bags with them, the CLI
 * (`npm run verify-package`) and the API check them.
 */
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface BagSummary {
  /** Payload-Oxum: `<octets>.<files>` of `data/`. */
  oxum: string;
  payloadBytes: number;
  payloadFiles: number;
}

export interface BagReport extends BagSummary {
  ok: boolean;
  /** What differs, one line each, naming the file. */
  problems: string[];
}

/** Every regular file under `dir`, as `/`-separated paths relative to `root`, sorted. */
async function filesUnder(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(root, path)));
    else out.push(path.slice(root.length + 1).split(sep).join('/'));
  }
  return out.sort();
}

export function sha256Of(path: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(path)
      .on('data', (chunk: Buffer | string) => {
        hash.update(chunk);
        bytes += Buffer.byteLength(chunk);
      })
      .once('error', reject)
      .once('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}

/** RFC 8493 §2.1.3: CR, LF and `%` in a manifest path are percent-encoded. */
const encodePath = (path: string) => path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const decodePath = (path: string) => path.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');

/** Checksums of files the caller wrote from bytes it had just checked, by bag path: not read again. */
export type KnownChecksums = ReadonlyMap<string, { sha256: string; bytes: number }>;

/** How bag files are created: read-only from the start (written once), so sealing need not `chmod` them. */
export const READ_ONLY_FILE = { mode: 0o444, flag: 'wx' } as const;

async function manifestOf(bagDir: string, paths: string[], known: KnownChecksums = new Map()): Promise<{ text: string; bytes: number }> {
  let bytes = 0;
  const lines: string[] = [];
  for (const path of paths) {
    const file = known.get(path) ?? (await sha256Of(join(bagDir, ...path.split('/'))));
    bytes += file.bytes;
    lines.push(`${file.sha256}  ${encodePath(path)}`);
  }
  return { text: lines.map((l) => l + '\n').join(''), bytes };
}

/**
 * Makes `bagDir` (whose `data/` holds the payload) a complete bag: `bagit.txt`, the manifest,
 * `bag-info.txt` with the given labels then Payload-Oxum, and the tag manifest.
 */
export async function completeBag(bagDir: string, info: ReadonlyArray<readonly [string, string]>, known?: KnownChecksums): Promise<BagSummary> {
  const payload = (await filesUnder(join(bagDir, 'data'))).map((p) => `data/${p}`);
  const manifest = await manifestOf(bagDir, payload, known);
  const oxum = `${manifest.bytes}.${payload.length}`;
  const labels = [...info.filter(([label]) => label !== 'Payload-Oxum'), ['Payload-Oxum', oxum] as const];
  await writeFile(join(bagDir, 'bagit.txt'), BAGIT_TXT, READ_ONLY_FILE);
  await writeFile(join(bagDir, MANIFEST), manifest.text, READ_ONLY_FILE);
  await writeFile(join(bagDir, 'bag-info.txt'), labels.map(([label, value]) => `${label}: ${value.replace(/\s*\n\s*/g, ' ')}\n`).join(''), READ_ONLY_FILE);
  const tags = await manifestOf(bagDir, ['bag-info.txt', 'bagit.txt', MANIFEST]);
  await writeFile(join(bagDir, TAG_MANIFEST), tags.text, READ_ONLY_FILE);
  return { oxum, payloadBytes: manifest.bytes, payloadFiles: payload.length };
}

/** `bag-info.txt` as label → value (the first of a repeated label). */
export async function readBagInfo(bagDir: string): Promise<Map<string, string>> {
  const info = new Map<string, string>();
  const text = await readFile(join(bagDir, 'bag-info.txt'), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0 && !info.has(line.slice(0, at).trim())) info.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return info;
}

/** Lines of a manifest as path → checksum; malformed lines and paths leaving the bag are problems. */
async function readManifest(bagDir: string, name: string, problems: string[]): Promise<Map<string, string> | null> {
  const text = await readFile(join(bagDir, name), 'utf8').catch(() => null);
  if (text === null) {
    problems.push(`${name}: missing`);
    return null;
  }
  const entries = new Map<string, string>();
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const match = /^([0-9a-fA-F]{64})\s+(.+)$/.exec(line.replace(/\r$/, ''));
    const path = match ? posix.normalize(decodePath(match[2])) : '';
    if (!match || path.startsWith('../') || path.startsWith('/') || path === '..') {
      problems.push(`${name}: line ${n + 1} is not "<sha256> <path inside the bag>"`);
      continue;
    }
    entries.set(path, match[1].toLowerCase());
  }
  return entries;
}

async function checkEntries(bagDir: string, name: string, entries: Map<string, string>, problems: string[]): Promise<void> {
  for (const [path, expected] of entries) {
    const actual = await sha256Of(join(bagDir, ...path.split('/'))).catch(() => null);
    if (!actual) {
      problems.push(`${path}: listed in ${name} but missing`);
      continue;
    }
    if (actual.sha256 !== expected) problems.push(`${path}: checksum differs (${name} ${expected}, file ${actual.sha256})`);
  }
}

/**
 * Checks a bag: every manifest line, the Payload-Oxum, the tag manifest, and that no file is there
 * that neither manifest lists. `ok` only when nothing differs.
 */
export async function verifyBag(bagDir: string): Promise<BagReport> {
  const problems: string[] = [];
  const declaration = await readFile(join(bagDir, 'bagit.txt'), 'utf8').catch(() => null);
  if (declaration === null) problems.push('bagit.txt: missing');
  else if (!/^BagIt-Version: 1\.\d+\r?\n/.test(declaration)) problems.push('bagit.txt: no "BagIt-Version" line first');
  const all = await filesUnder(bagDir).catch(() => [] as string[]);
  const payload = all.filter((p) => p.startsWith('data/'));
  const manifest = (await readManifest(bagDir, MANIFEST, problems)) ?? new Map<string, string>();
  for (const path of manifest.keys()) if (!path.startsWith('data/')) problems.push(`${path}: ${MANIFEST} lists a file outside data/`);
  await checkEntries(bagDir, MANIFEST, manifest, problems);
  for (const path of payload) if (!manifest.has(path)) problems.push(`${path}: not in ${MANIFEST} (extra file)`);
  const tags = await readManifest(bagDir, TAG_MANIFEST, problems);
  if (tags) {
    await checkEntries(bagDir, TAG_MANIFEST, tags, problems);
    for (const path of all) {
      if (!path.startsWith('data/') && path !== TAG_MANIFEST && !tags.has(path)) problems.push(`${path}: not in ${TAG_MANIFEST} (extra file)`);
    }
  }
  const declared = (await readBagInfo(bagDir)).get('Payload-Oxum');
  const bytes = await payloadBytes(bagDir, payload);
  const oxum = `${bytes}.${payload.length}`;
  if (!declared) problems.push('bag-info.txt: no Payload-Oxum');
  else if (declared !== oxum) problems.push(`bag-info.txt: Payload-Oxum ${declared}, payload is ${oxum}`);
  return { ok: problems.length === 0, problems, oxum, payloadBytes: bytes, payloadFiles: payload.length };
}

async function payloadBytes(bagDir: string, paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await lstat(join(bagDir, ...path.split('/')))).size;
  return total;
}

/**
 * Read-only from here on: files 0444, directories 0555 (the top one last, by the caller). A writer
 * that created every file 0444 already (`READ_ONLY_FILE`) passes `filesReadOnly`: only the
 * directories are changed then (one `chmod` a file was ~0.5 s of worker time at 3,000 documents).
 */
async function freeze(dir: string, filesReadOnly: boolean): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await freeze(path, filesReadOnly);
      await chmod(path, 0o555);
    } else if (!filesReadOnly) await chmod(path, 0o444);
  }
}

export class BagExistsError extends Error {}

/**
 * Moves a finished bag from its temporary directory to where it stays, written once: read-only,
 * and never over an existing package (the rename is the moment it appears whole).
 */
export async function sealBag(tempDir: string, finalDir: string, options: { filesReadOnly?: boolean } = {}): Promise<void> {
  await freeze(tempDir, options.filesReadOnly ?? false);
  if (await lstat(finalDir).then(() => true, () => false)) throw new BagExistsError(`${finalDir} exists: a package is never overwritten`);
  await rename(tempDir, finalDir);
  await chmod(finalDir, 0o555);
}
