import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * The classes of bad value the hostile-input suite sends, each a name and a value. Strings are
 * what goes into a path segment, a query parameter or a JSON string; `unknown` values go into
 * JSON as they are (wrong types).
 */
export type Named<T> = [name: string, value: T];

const LONG = 'A'.repeat(100_000);

/** Unicode edge cases and hostile text, for any string anywhere. */
export const HOSTILE_STRINGS: Named<string>[] = [
  ['NUL', 'abc\u0000def'],
  ['bell and escape controls', 'x\u0007\u001b[31m'],
  ['C1 control', 'x\u0085y'],
  ['RTL override', 'hoa-don\u202Efdp.exe'],
  ['bidi isolate', '\u2067abc\u2069'],
  ['1,000 combining marks', `a${'\u0301'.repeat(1000)}`],
  ['lone high surrogate', 'x\ud800y'],
  ['zero-width and BOM', '\ufeff\u200b\u200d'],
  ['LIKE and regex metacharacters', '\\%\\_.*[a-z]+$^'],
  ['SQL injection', "' OR '1'='1'; DROP TABLE app_user; --"],
  ['tsquery operators', '!(a & b) | c:* <-> d'],
  ['path traversal', '../../../../etc/passwd'],
  ['HTML/JS polyglot', 'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e'],
  ['100,000 characters', LONG],
  ['empty', ''],
  ['whitespace only', ' \t '],
  ['4-byte emoji', '😀'.repeat(300)],
  ['TCVN3 legacy bytes', 'C«ng v¨n'],
  ['invalid date 2026-02-31', '2026-02-31'],
  ['year 1900', '1900-01-01'],
  ['year 9999 instant', '9999-12-31T23:59:59Z'],
  ['huge number text', '1e20'],
  ['negative number text', '-1'],
  ['NaN', 'NaN'],
  ['not a UUID', 'not-a-uuid'],
  ['UUID with NUL', '00000000-0000-4000-8000-000000000000\u0000'],
  ['prototype key name', '__proto__'],
];

/** The classes that matter most, for the many query parameters and body properties (keeps the suite quick). */
const CORE = ['NUL', 'RTL override', '100,000 characters'];
const pick = (names: string[]) => HOSTILE_STRINGS.filter(([name]) => names.includes(name));

/** The core classes plus those that fit what the parameter holds (a number, a date, an id). */
export function stringsFor(name: string, type: string | undefined): Named<string>[] {
  const extra: string[] = [];
  if (type === 'number' || type === 'integer' || /page|year|days|months|percent/i.test(name)) extra.push('huge number text', 'negative number text');
  if (/date|from$|^from|^to$|At$/i.test(name)) extra.push('invalid date 2026-02-31', 'year 1900');
  if (/Id$|^id$/.test(name)) extra.push('not a UUID');
  return pick([...CORE, ...extra]);
}

/** Values of the wrong JSON type or outside any sensible range, for any JSON property. */
export const CORE_JSON_VALUES = (): Named<unknown>[] => HOSTILE_JSON_VALUES.filter(([name]) => ['null', 'number 1e308', 'object with __proto__'].includes(name));

export const HOSTILE_JSON_VALUES: Named<unknown>[] = [
  ['null', null],
  ['true', true],
  ['number 1e308', 1e308],
  ['negative number', -1],
  ['2^53 + 2', 2 ** 53 + 2],
  ['fraction', 0.5],
  ['empty object', {}],
  ['object with __proto__', JSON.parse('{"__proto__":{"isAdmin":true}}')],
  ['array of strings', ['a', 'b']],
  ['10,000-element array', Array.from({ length: 10_000 }, (_, i) => i)],
  ['nested 20 levels', JSON.parse(`${'['.repeat(20)}1${']'.repeat(20)}`)],
];

/** Values for a path segment (already a string; the suite percent-encodes it). */
export const HOSTILE_PATH_VALUES: Named<string>[] = [
  ['not a UUID', 'not-a-uuid'],
  ['NUL', '00000000-0000-4000-8000-00000000000\u0000'],
  ['RTL override', '\u202E00000000-0000-4000-8000-000000000000'],
  ['1,000 combining marks', `a${'\u0301'.repeat(1000)}`],
  ['wildcards %_*', '%_*'],
  ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['5,000 characters', 'b'.repeat(5000)],
];

/** Whole JSON bodies: bombs, wrong shapes, broken encodings. `raw` is sent as the body, with its headers. */
export interface RawBody {
  raw: Buffer | string;
  headers: Record<string, string>;
}

const json = { 'content-type': 'application/json' };

export const HOSTILE_BODIES: Named<RawBody>[] = [
  ['JSON nested 3,000 levels', { raw: `{"a":${'['.repeat(3000)}${']'.repeat(3000)}}`, headers: json }],
  ['JSON nested 3,000 objects', { raw: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, headers: json }],
  ['__proto__ pollution', { raw: '{"__proto__":{"isAdmin":true,"roles":["admin"]}}', headers: json }],
  ['constructor.prototype pollution', { raw: '{"constructor":{"prototype":{"isAdmin":true}}}', headers: json }],
  ['20,000 keys', { raw: JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))), headers: json }],
  ['array instead of object', { raw: '[1,2,3]', headers: json }],
  ['JSON null', { raw: 'null', headers: json }],
  ['JSON string', { raw: '"x"', headers: json }],
  ['malformed JSON', { raw: '{"a":', headers: json }],
  ['invalid UTF-8 bytes', { raw: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]), headers: json }],
  ['UTF-16 charset declared', { raw: Buffer.from('{"a":"b"}', 'utf16le'), headers: { 'content-type': 'application/json; charset=utf-16' } }],
  ['gzip bomb (64 MiB of spaces)', { raw: gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), headers: { ...json, 'content-encoding': 'gzip' } }],
  ['text/plain body', { raw: 'subject=x', headers: { 'content-type': 'text/plain' } }],
  ['form-urlencoded body', { raw: 'a=1&__proto__[x]=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
  ['XML with an entity bomb', { raw: '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>', headers: { 'content-type': 'application/xml' } }],
];

/** Files for multipart parts: the kinds of PDF and image a scanner, a mailer or an attacker produces. */
export interface HostileFile {
  name: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

function encrypt(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-hostile-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function hostileFiles(): Promise<HostileFile[]> {
  const pdf = await makePdf(`hostile ${Date.now()}`);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  return [
    { name: 'encrypted PDF', filename: 'mat-khau.pdf', type: 'application/pdf', bytes: encrypt(pdf) },
    { name: 'truncated PDF', filename: 'cut.pdf', type: 'application/pdf', bytes: pdf.subarray(0, Math.floor(pdf.length / 2)) },
    { name: 'PDF header then HTML (polyglot)', filename: 'poly.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n') },
    { name: 'GIF/JavaScript polyglot', filename: 'poly.gif', type: 'image/gif', bytes: Buffer.from('GIF89a/*\x00\x00*/=1;alert(1)//') },
    { name: 'truncated PNG', filename: 'cut.png', type: 'image/png', bytes: png },
    { name: 'empty file', filename: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) },
    { name: 'shell script named .pdf', filename: 'scan.pdf', type: 'application/pdf', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') },
    { name: 'PDF with an RTL-override name', filename: 'hoa-don\u202Efdp.exe', type: 'application/pdf', bytes: pdf },
    { name: 'PDF with NUL in its name', filename: 'a\u0000.pdf', type: 'application/pdf', bytes: pdf },
  ];
}
