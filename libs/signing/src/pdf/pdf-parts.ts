import { asBuffer } from './pdf-bytes';

/** One piece of a file and where it starts in the whole. */
export interface LocatedPart {
  bytes: Buffer;
  start: number;
}

/**
 * A PDF held as consecutive pieces (the caller's input, then each revision a step appended),
 * read without joining them: a 10 MiB file plus a 20 KB revision is not copied into a third
 * buffer just to be parsed again. Every piece after the first starts at a revision boundary, so
 * no object, cross-reference section or `startxref` line straddles two pieces; readers look an
 * offset up with `locate` and parse inside that piece. `slice` still copies for the rare read
 * that does straddle (a short header check), so results never depend on where the cuts fall.
 */
export class PdfParts {
  readonly parts: readonly Buffer[];
  readonly starts: readonly number[];
  readonly length: number;
  private joined?: Buffer;

  constructor(parts: readonly Uint8Array[]) {
    // Empty pieces (a step that wrote nothing) hold no offset; dropping them keeps `locate` simple.
    const kept = parts.map(asBuffer).filter((part) => part.length > 0);
    const starts: number[] = [];
    let length = 0;
    for (const part of kept) {
      starts.push(length);
      length += part.length;
    }
    this.parts = kept.length ? kept : [Buffer.alloc(0)];
    this.starts = kept.length ? starts : [0];
    this.length = length;
  }

  /** The piece holding byte `offset` (the last piece for offsets at or past the end). */
  locate(offset: number): LocatedPart {
    let i = this.parts.length - 1;
    while (i > 0 && this.starts[i] > offset) i -= 1;
    return { bytes: this.parts[i], start: this.starts[i] };
  }

  byteAt(offset: number): number | undefined {
    if (offset < 0 || offset >= this.length) return undefined;
    const { bytes, start } = this.locate(offset);
    return bytes[offset - start];
  }

  /** Bytes [start, end): a view when one piece holds them, else a copy of just that range. */
  slice(start: number, end: number): Buffer {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    if (to <= from) return Buffer.alloc(0);
    const located = this.locate(from);
    if (to <= located.start + located.bytes.length) return located.bytes.subarray(from - located.start, to - located.start);
    const views: Buffer[] = [];
    this.parts.forEach((part, i) => {
      const a = Math.max(from, this.starts[i]);
      const b = Math.min(to, this.starts[i] + part.length);
      if (a < b) views.push(part.subarray(a - this.starts[i], b - this.starts[i]));
    });
    return Buffer.concat(views, to - from);
  }

  /** Last occurrence of `needle` inside one piece, searched from the newest piece back. */
  lastIndexOf(needle: Buffer): number {
    for (let i = this.parts.length - 1; i >= 0; i -= 1) {
      const at = this.parts[i].lastIndexOf(needle);
      if (at >= 0) return this.starts[i] + at;
    }
    return -1;
  }

  /** First occurrence of `needle` at or after `from`, inside one piece. */
  indexOf(needle: Buffer, from: number): number {
    for (let i = 0; i < this.parts.length; i += 1) {
      const end = this.starts[i] + this.parts[i].length;
      if (end <= from) continue;
      const at = this.parts[i].indexOf(needle, Math.max(0, from - this.starts[i]));
      if (at >= 0) return this.starts[i] + at;
    }
    return -1;
  }

  /** The whole file in one buffer: the bytes themselves when there is one piece, else one copy, made once. */
  join(): Buffer {
    if (this.parts.length === 1) return this.parts[0];
    this.joined ??= Buffer.concat(this.parts as Buffer[], this.length);
    return this.joined;
  }
}
