import { deflateSync } from 'node:zlib';
import { createDemoSealPng, createDemoSignaturePng } from '@eoffice/signing';
import { appearanceImageProblem, readPngFacts } from './appearance-image';

/** A tiny real PNG: colour type and optional chunks (tRNS, pHYs) before the image data. */
function png(colourType: number, chunks: Array<[string, Buffer]> = [], size = 2): Buffer {
  const chunk = ([type, data]: [string, Buffer]) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]); // the CRC is not read by the rule
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = colourType;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType] ?? 1;
  const raw = Buffer.alloc(size * (1 + size * channels));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk(['IHDR', header]),
    ...chunks.map(chunk),
    chunk(['IDAT', deflateSync(raw)]),
    chunk(['IEND', Buffer.alloc(0)]),
  ]);
}

function pHYs(perMetre: number): [string, Buffer] {
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data[8] = 1;
  return ['pHYs', data];
}

describe('appearance images (Decree 30 Phụ lục I: transparent PNG; the seal at its real size)', () => {
  it('accepts the demo signature and seal images', () => {
    expect(appearanceImageProblem('personal', createDemoSignaturePng())).toBeNull();
    expect(appearanceImageProblem('organisation', createDemoSealPng())).toBeNull();
    expect(readPngFacts(createDemoSealPng())).toMatchObject({ transparent: true, physicalSize: true });
  });

  it('refuses bytes that are no PNG', () => {
    expect(appearanceImageProblem('personal', Buffer.from('%PDF-1.7'))).toMatch(/PNG/);
    expect(appearanceImageProblem('personal', png(6).subarray(0, 20))).toMatch(/PNG/);
  });

  it('refuses an opaque image, and takes a tRNS chunk as transparency', () => {
    expect(appearanceImageProblem('personal', png(2))).toMatch(/trong suốt/);
    expect(appearanceImageProblem('personal', png(2, [['tRNS', Buffer.alloc(6)]]))).toBeNull();
    expect(appearanceImageProblem('personal', png(4))).toBeNull();
  });

  it('requires a seal to record its physical size, a signature not', () => {
    expect(appearanceImageProblem('organisation', png(6))).toMatch(/pHYs/);
    expect(appearanceImageProblem('organisation', png(6, [pHYs(11811)]))).toBeNull();
    expect(appearanceImageProblem('organisation', png(6, [pHYs(0)]))).toMatch(/pHYs/);
    expect(appearanceImageProblem('personal', png(6))).toBeNull();
  });

  it('refuses absurd sizes', () => {
    expect(appearanceImageProblem('personal', png(6, [], 0))).toMatch(/Kích thước/);
  });
});
