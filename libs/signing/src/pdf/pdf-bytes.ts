/** Byte helpers: PDF structure is ASCII inside binary, so we search bytes, never decoded text. */

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function ascii(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return asBuffer(bytes).toString('latin1', start, end);
}

export function isPdfWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

export function skipWhitespace(bytes: Uint8Array, offset: number): number {
  let position = offset;
  while (position < bytes.length && isPdfWhitespace(bytes[position])) position += 1;
  return position;
}

export function startsWithBytes(whole: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > whole.length) return false;
  return asBuffer(whole).subarray(0, prefix.length).equals(asBuffer(prefix));
}
