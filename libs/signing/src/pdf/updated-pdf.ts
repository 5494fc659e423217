import { asBuffer } from './pdf-bytes';
import { PdfParts } from './pdf-parts';

/**
 * What a step returns: the new file as the caller's bytes (`earlier`, never copied: one buffer,
 * or the pieces of an earlier step's result) followed by the bytes the step wrote (`tail`: an
 * incremental update, a few kilobytes). A 50 MB PDF is thus not copied once per revision, nor
 * when steps are chained (seal → B-LT → B-LTA); write `parts()` one after the other to store it,
 * and ask for `toBuffer()` only where one contiguous buffer is really needed.
 */
export class UpdatedPdf {
  /** Bytes of the input, unchanged, in order. */
  readonly earlier: readonly Uint8Array[];
  private joined?: Buffer;
  private joinedHead?: Uint8Array;

  constructor(
    /** Bytes of the input: one buffer, or the pieces of an earlier result (`parts()`). */
    head: Uint8Array | readonly Uint8Array[],
    /** Bytes written by the step, to follow the input. */
    readonly tail: Buffer,
  ) {
    this.earlier = head instanceof Uint8Array ? [head] : [...head];
  }

  /** Length of the input: where `tail` starts in the file. */
  get headLength(): number {
    return this.earlier.reduce((sum, part) => sum + part.length, 0);
  }

  /**
   * The input as one buffer: the caller's bytes themselves when the input was one buffer, else
   * a copy (made once). Steps use `earlier`/`headLength`; this is for callers that need bytes.
   */
  get head(): Uint8Array {
    if (this.earlier.length === 1) return this.earlier[0];
    this.joinedHead ??= Buffer.concat(this.earlier, this.headLength);
    return this.joinedHead;
  }

  get length(): number {
    return this.headLength + this.tail.length;
  }

  /** The file in order, for writing without joining. */
  parts(): Uint8Array[] {
    return [...this.earlier, this.tail];
  }

  /** The whole file in one buffer: one copy, made once. */
  toBuffer(): Buffer {
    this.joined ??= Buffer.concat(this.parts(), this.length);
    return this.joined;
  }
}

/** Every step accepts plain bytes or the result of an earlier step. */
export type PdfInput = Uint8Array | UpdatedPdf;

/** Contiguous bytes of an input: the input itself, or an earlier step's result joined (one copy). */
export function pdfBytes(input: PdfInput): Buffer {
  return input instanceof UpdatedPdf ? input.toBuffer() : asBuffer(input);
}

/** An input as pieces to read in place: plain bytes are one piece, a step's result its parts. */
export function pdfParts(input: PdfInput | PdfParts): PdfParts {
  if (input instanceof PdfParts) return input;
  return new PdfParts(input instanceof UpdatedPdf ? input.parts() : [input]);
}
