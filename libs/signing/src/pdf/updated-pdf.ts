import { asBuffer } from './pdf-bytes';

/**
 * What a step returns: the new file as the caller's bytes (`head`, never copied) followed by the
 * bytes the step wrote (`tail`: an incremental update, a few kilobytes). A 50 MB PDF is thus not
 * copied once per revision; write `parts()` one after the other to store it, and ask for
 * `toBuffer()` only where one contiguous buffer is really needed.
 */
export class UpdatedPdf {
  private joined?: Buffer;

  constructor(
    /** Bytes of the input, unchanged. */
    readonly head: Uint8Array,
    /** Bytes written by the step, to follow `head`. */
    readonly tail: Buffer,
  ) {}

  get length(): number {
    return this.head.length + this.tail.length;
  }

  /** The file in order, for writing without joining. */
  parts(): [Uint8Array, Buffer] {
    return [this.head, this.tail];
  }

  /** The whole file in one buffer: one copy, made once. */
  toBuffer(): Buffer {
    this.joined ??= Buffer.concat([this.head, this.tail], this.length);
    return this.joined;
  }
}

/** Every step accepts plain bytes or the result of an earlier step. */
export type PdfInput = Uint8Array | UpdatedPdf;

/** Contiguous bytes of an input: the input itself, or an earlier step's result joined (one copy). */
export function pdfBytes(input: PdfInput): Buffer {
  return input instanceof UpdatedPdf ? input.toBuffer() : asBuffer(input);
}
