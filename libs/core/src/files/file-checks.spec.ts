import { deflateSync } from 'node:zlib';
import { jpegDimensions, jpegIsComplete, pdfIsEncrypted, pngDimensions, pngIsComplete, startXref } from './file-checks';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey)
  const rows = Buffer.alloc((width + 1) * Math.min(height, 4), 0xff);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function jpegHead(width: number, height: number): Buffer {
  const app0 = Buffer.concat([Buffer.from([0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(9)]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

describe('upload checks on the first and last bytes', () => {
  it('reads a PNG’s size and tells a complete one from a cut-off one', () => {
    const image = png(4000, 5000);
    expect(pngDimensions(image)).toEqual({ width: 4000, height: 5000 });
    expect(pngIsComplete(image.subarray(-1024))).toBe(true);
    expect(pngIsComplete(image.subarray(0, image.length - 5))).toBe(false);
  });

  it('reads a JPEG’s size from its start-of-frame, after other segments, and needs its end marker', () => {
    expect(jpegDimensions(jpegHead(2480, 3508))).toEqual({ width: 2480, height: 3508 });
    expect(jpegDimensions(Buffer.from([0xff, 0xd8, 0x00, 0x00]))).toBeNull();
    expect(jpegIsComplete(Buffer.concat([jpegHead(1, 1), Buffer.from([0xff, 0xd9])]))).toBe(true);
    expect(jpegIsComplete(jpegHead(1, 1))).toBe(false);
  });

  it('finds /Encrypt in a classic trailer or in the cross-reference stream that startxref names', () => {
    const classic = Buffer.from('xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 9 /Root 1 0 R /Encrypt 8 0 R >>\nstartxref\n1234\n%%EOF\n', 'latin1');
    expect(startXref(classic)).toBe(1234);
    expect(pdfIsEncrypted(classic, null)).toBe(true);
    const plain = Buffer.from('trailer\n<< /Size 9 /Root 1 0 R >>\nstartxref\n1234\n%%EOF\n', 'latin1');
    expect(pdfIsEncrypted(plain, null)).toBe(false);
    const streamTail = Buffer.from('startxref\n5678\n%%EOF\n', 'latin1');
    const xrefStream = Buffer.from('12 0 obj\n<< /Type /XRef /Size 13 /Encrypt 11 0 R /W [1 2 1] >>\nstream\n/Encrypt-looking bytes\nendstream', 'latin1');
    expect(pdfIsEncrypted(streamTail, xrefStream)).toBe(true);
    const dataOnly = Buffer.from('12 0 obj\n<< /Type /XRef /Size 13 >>\nstream\n/Encrypt\nendstream', 'latin1');
    expect(pdfIsEncrypted(streamTail, dataOnly)).toBe(false);
  });
});
