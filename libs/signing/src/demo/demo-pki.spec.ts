import { inflateSync } from 'node:zlib';
import { readPngMetadata } from '../appearance/png-metadata';
import { importPkcs12 } from '../certificates/pkcs12-importer';
import { checkCertificate } from '../certificates/certificate-checker';
import { parseCertificate } from '../certificates/certificate-parser';
import { formatName } from '../crypto/x509-name';
import { reversePngPredictor } from '../pdf/stream-decoder';
import { createDemoPki, DemoPki } from './demo-pki';
import { DEMO_MARK } from './demo-mark';

/** Decodes our own RGBA PNGs to count pixels. */
function rgbaPixels(png: Buffer): { width: number; pixels: Uint8Array } {
  const { width } = readPngMetadata(png);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  return { width, pixels: reversePngPredictor(inflateSync(Buffer.concat(chunks)), 4, 8, width) };
}

function inkStats(png: Buffer): { transparentCorner: boolean; ink: number; dominant: 'red' | 'blue' | 'none' } {
  const { pixels } = rgbaPixels(png);
  let ink = 0;
  let red = 0;
  let blue = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] < 128) continue;
    ink += 1;
    if (pixels[i] > 150 && pixels[i + 2] < 80) red += 1;
    if (pixels[i + 2] > 150 && pixels[i] < 80) blue += 1;
  }
  return { transparentCorner: pixels[3] === 0, ink, dominant: red > ink * 0.9 ? 'red' : blue > ink * 0.9 ? 'blue' : 'none' };
}

describe('createDemoPki', () => {
  let pki: DemoPki;
  beforeAll(() => {
    pki = createDemoPki();
  });

  it('creates a CA clearly marked as a demo, and two certificates it issued', () => {
    const ca = parseCertificate(pki.ca.certificate);
    expect(formatName(ca.subject)).toContain(DEMO_MARK);
    expect(ca.isCertificateAuthority).toBe(true);
    for (const holder of [pki.leader, pki.agency]) {
      const credentials = importPkcs12(holder.p12, holder.passphrase);
      expect(credentials.certificate.equals(holder.certificate)).toBe(true);
      const checked = checkCertificate(credentials.certificate, { trustAnchors: [pki.ca.certificate] });
      expect(formatName(checked.certificate.subject)).toContain(DEMO_MARK);
      expect(checked.certificate.keyUsage).toEqual(new Set(['digitalSignature', 'nonRepudiation']));
    }
    expect(pki.leader.passphrase).not.toBe(pki.agency.passphrase);
    expect(formatName(parseCertificate(pki.leader.certificate).subject)).toContain('CN=Nguyễn Văn Đức');
  });

  it('draws a blue transparent signature and a red transparent 36 mm seal', () => {
    const signature = inkStats(pki.signatureImage);
    expect(signature).toMatchObject({ transparentCorner: true, dominant: 'blue' });
    expect(signature.ink).toBeGreaterThan(2000);
    const seal = inkStats(pki.sealImage);
    expect(seal).toMatchObject({ transparentCorner: true, dominant: 'red' });
    const metadata = readPngMetadata(pki.sealImage);
    expect(metadata.width).toBe(metadata.height);
    expect(metadata.widthMm).toBeCloseTo(36, 0);
    expect(pki.sealImage.length).toBeLessThan(60_000);
  });
});
