import { createHash, Hash } from 'node:crypto';
import { ByteRange } from './signature-placeholder';

interface PrefixState {
  hash: Hash;
  /** The hash has consumed the file's bytes [0, position). */
  position: number;
}

/**
 * Digests of one file's signed byte ranges in a single pass. Every /ByteRange starts at offset 0
 * and a later signature's range runs past an earlier one's, so one hash state per algorithm is
 * advanced along the file and copied where each range leaves the common prefix: verifying the
 * leader's signature and making the organisation's reads a 50 MB file once, not twice or thrice.
 * Ranges asked for out of order are still right; the prefix is then hashed again from 0.
 *
 * The file may be held in pieces (the input, then the revision a step appended), so that it is
 * hashed where it lies instead of being copied into one buffer first.
 */
export class ByteRangeDigester {
  private readonly states = new Map<string, PrefixState>();
  private readonly pieces: Uint8Array[];
  private size: number;

  constructor(bytes: Uint8Array | readonly Uint8Array[]) {
    this.pieces = bytes instanceof Uint8Array ? [bytes] : [...bytes];
    this.size = this.pieces.reduce((sum, piece) => sum + piece.length, 0);
  }

  digestByteRange(algorithm: string, [start, firstLength, second, secondLength]: ByteRange): Buffer {
    const tail = this.slices(second, second + secondLength);
    if (start !== 0) return digestChunks(algorithm, [...this.slices(start, start + firstLength), ...tail]);
    return this.digestPrefixAnd(algorithm, firstLength, tail);
  }

  digestWhole(algorithm: string): Buffer {
    return this.digestPrefixAnd(algorithm, this.size, []);
  }

  /** Goes on over the file with `appended` (a revision a step just wrote) after the bytes so far. */
  append(appended: Uint8Array): this {
    this.pieces.push(appended);
    this.size += appended.length;
    return this;
  }

  private digestPrefixAnd(algorithm: string, prefixEnd: number, tail: Uint8Array[]): Buffer {
    const end = Math.min(prefixEnd, this.size);
    let state = this.states.get(algorithm);
    if (!state || state.position > end) {
      state = { hash: createHash(algorithm), position: 0 };
      this.states.set(algorithm, state);
    }
    for (const slice of this.slices(state.position, end)) state.hash.update(slice);
    state.position = end;
    const copy = state.hash.copy();
    tail.forEach((slice) => copy.update(slice));
    return copy.digest();
  }

  /** Views (no copies) of the file's bytes [start, end), clamped to the file. */
  private slices(start: number, end: number): Uint8Array[] {
    const views: Uint8Array[] = [];
    let pieceStart = 0;
    for (const piece of this.pieces) {
      const from = Math.max(start, pieceStart);
      const to = Math.min(end, pieceStart + piece.length);
      if (from < to) views.push(piece.subarray(from - pieceStart, to - pieceStart));
      pieceStart += piece.length;
    }
    return views;
  }
}

export function digestChunks(algorithm: string, chunks: Uint8Array[]): Buffer {
  const hash = createHash(algorithm);
  chunks.forEach((chunk) => hash.update(chunk));
  return hash.digest();
}
