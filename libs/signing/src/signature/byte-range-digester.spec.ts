import { createHash, randomBytes } from 'node:crypto';
import { ByteRangeDigester } from './byte-range-digester';
import { ByteRange } from './signature-placeholder';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const rangeBytes = (file: Buffer, [a, b, c, d]: ByteRange): Buffer => Buffer.concat([file.subarray(a, a + b), file.subarray(c, c + d)]);

describe('ByteRangeDigester', () => {
  const file = randomBytes(10_000);
  // A file held as the input plus two appended revisions, as the signing steps hold it.
  const inPieces = (): ByteRangeDigester => new ByteRangeDigester(file.subarray(0, 6_000)).append(file.subarray(6_000, 9_000)).append(file.subarray(9_000));

  it('digests ranges whose parts lie in different pieces as if the file were one buffer', () => {
    const digester = inPieces();
    const ranges: ByteRange[] = [[0, 5_000, 5_100, 900], [0, 8_000, 8_500, 1_500], [0, 5_990, 6_010, 3_990]];
    for (const range of ranges) expect(digester.digestByteRange('sha256', range).toString('hex')).toBe(sha256(rangeBytes(file, range)));
    expect(digester.digestWhole('sha256').toString('hex')).toBe(sha256(file));
  });

  it('stays right when ranges come out of order or do not start at 0', () => {
    const digester = inPieces();
    const later: ByteRange = [0, 9_500, 9_600, 400];
    const earlier: ByteRange = [0, 2_000, 2_100, 100];
    const offset: ByteRange = [100, 5_000, 7_000, 1_000];
    expect(digester.digestByteRange('sha256', later).toString('hex')).toBe(sha256(rangeBytes(file, later)));
    expect(digester.digestByteRange('sha256', earlier).toString('hex')).toBe(sha256(rangeBytes(file, earlier)));
    expect(digester.digestByteRange('sha256', offset).toString('hex')).toBe(sha256(rangeBytes(file, offset)));
  });

  it('clamps a range running past the end to the bytes there are', () => {
    const range: ByteRange = [0, 4_000, 9_000, 5_000];
    expect(inPieces().digestByteRange('sha256', range).toString('hex')).toBe(sha256(rangeBytes(file, range)));
  });
});
