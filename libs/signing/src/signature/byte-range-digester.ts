import { createHash, Hash } from 'node:crypto';
import { ByteRange, signedChunks } from './signature-placeholder';

interface PrefixState {
  hash: Hash;
  /** The hash has consumed `bytes[0, position)`. */
  position: number;
}

/**
 * Digests of one file's signed byte ranges in a single pass. Every /ByteRange starts at offset 0
 * and a later signature's range runs past an earlier one's, so one hash state per algorithm is
 * advanced along the file and copied where each range leaves the common prefix: verifying the
 * leader's signature and making the organisation's reads a 50 MB file once, not twice or thrice.
 * Ranges asked for out of order are still right; the prefix is then hashed again from 0.
 */
export class ByteRangeDigester {
  private readonly states = new Map<string, PrefixState>();

  constructor(private bytes: Uint8Array) {}

  digestByteRange(algorithm: string, byteRange: ByteRange): Buffer {
    if (byteRange[0] !== 0) return digestChunks(algorithm, signedChunks(this.bytes, byteRange));
    return this.digestPrefixAnd(algorithm, byteRange[1], this.bytes.subarray(byteRange[2], byteRange[2] + byteRange[3]));
  }

  digestWhole(algorithm: string): Buffer {
    return this.digestPrefixAnd(algorithm, this.bytes.length);
  }

  /**
   * Goes on over `longer`, which must begin with the bytes given so far: the same file with a
   * revision appended. Only the library's own writers call this, right after appending.
   */
  extend(longer: Uint8Array): this {
    if (longer.length < this.bytes.length) throw new Error('ByteRangeDigester.extend: the new file is shorter');
    this.bytes = longer;
    return this;
  }

  private digestPrefixAnd(algorithm: string, prefixEnd: number, tail?: Uint8Array): Buffer {
    const end = Math.min(prefixEnd, this.bytes.length);
    let state = this.states.get(algorithm);
    if (!state || state.position > end) {
      state = { hash: createHash(algorithm), position: 0 };
      this.states.set(algorithm, state);
    }
    state.hash.update(this.bytes.subarray(state.position, end));
    state.position = end;
    const copy = state.hash.copy();
    if (tail) copy.update(tail);
    return copy.digest();
  }
}

export function digestChunks(algorithm: string, chunks: Uint8Array[]): Buffer {
  const hash = createHash(algorithm);
  chunks.forEach((chunk) => hash.update(chunk));
  return hash.digest();
}
