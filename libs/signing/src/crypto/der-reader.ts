import { SigningError } from '../errors/signing-error';

/** A tag-length-value element located inside a buffer; slices are views, not copies. */
export interface DerNode {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just after the content (after the end-of-contents octets for indefinite lengths). */
  end: number;
  contentEnd: number;
  constructed: boolean;
}

/**
 * Minimal DER/BER walker. CMS verification needs the exact encoded bytes of some elements
 * (signed attributes, certificates), which a decode/re-encode round trip does not guarantee.
 */
export function readDer(buffer: Buffer, offset = 0): DerNode {
  if (offset + 2 > buffer.length) throw malformed('truncated element');
  const tag = buffer[offset];
  if ((tag & 0x1f) === 0x1f) throw malformed('multi-byte tags are not supported');
  const constructed = (tag & 0x20) !== 0;
  let position = offset + 1;
  const first = buffer[position++];
  if (first === 0x80) return readIndefinite(buffer, offset, tag, position);
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4 || position + count > buffer.length) throw malformed('unsupported length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + buffer[position++];
  }
  const end = position + length;
  if (end > buffer.length) throw malformed('element runs past the end of the data');
  return { tag, start: offset, contentStart: position, contentEnd: end, end, constructed };
}

function readIndefinite(buffer: Buffer, start: number, tag: number, contentStart: number): DerNode {
  if ((tag & 0x20) === 0) throw malformed('indefinite length on a primitive element');
  let position = contentStart;
  while (!(buffer[position] === 0 && buffer[position + 1] === 0)) {
    if (position >= buffer.length) throw malformed('missing end-of-contents');
    position = readDer(buffer, position).end;
  }
  return { tag, start, contentStart, contentEnd: position, end: position + 2, constructed: true };
}

export function derChildren(buffer: Buffer, node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  for (let position = node.contentStart; position < node.contentEnd; ) {
    const child = readDer(buffer, position);
    children.push(child);
    position = child.end;
  }
  return children;
}

export function derContent(buffer: Buffer, node: DerNode): Buffer {
  return buffer.subarray(node.contentStart, node.contentEnd);
}

export function derBytes(buffer: Buffer, node: DerNode): Buffer {
  return buffer.subarray(node.start, node.end);
}

/** The child at `index`, required to have `tag` when given. */
export function derChild(buffer: Buffer, node: DerNode, index: number, tag?: number): DerNode {
  const child = derChildren(buffer, node)[index];
  if (!child || (tag !== undefined && child.tag !== tag)) {
    throw malformed(`expected tag 0x${(tag ?? 0).toString(16)} at child ${index}`);
  }
  return child;
}

export function decodeOid(content: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

export function decodeTime(buffer: Buffer, node: DerNode): Date {
  const text = derContent(buffer, node).toString('latin1');
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
  if (!match) throw malformed(`unsupported time ${text}`);
  let year = Number(match[1]);
  // RFC 5280 §4.1.2.5.1: two-digit years 50–99 are 19xx.
  if (node.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, +match[2] - 1, +match[3], +match[4], +match[5], +(match[6] ?? 0)));
}

export function malformed(detail: string): SigningError {
  return new SigningError('PDF_MALFORMED', `Malformed ASN.1 data: ${detail}`);
}

export const DerTag = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
} as const;

/** Context-specific tag number `n`, constructed (e.g. [0] EXPLICIT or IMPLICIT SET). */
export function contextTag(n: number, constructed = true): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}
