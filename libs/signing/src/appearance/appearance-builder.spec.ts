import { PDFContext, PDFRawStream } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { AppearanceBuilder } from './appearance-builder';
import { defaultFontFile } from './font-files';

/** The embedded font subset: the largest stream an appearance with one font and no image writes. */
async function fontSubsetOf(text: string): Promise<Buffer> {
  const context = PDFContext.create();
  const builder = new AppearanceBuilder(context);
  const font = await builder.font(defaultFontFile('regular'));
  builder.drawText(font, text, 0, 0, 12);
  await builder.build(200, 20);
  const streams = context.enumerateIndirectObjects().map(([, object]) => object).filter((o): o is PDFRawStream => o instanceof PDFRawStream);
  const largest = streams.sort((a, b) => b.contents.length - a.contents.length)[0];
  return inflateSync(largest.contents);
}

describe('AppearanceBuilder font subsets', () => {
  it('embeds a TrueType subset that grows with the letters drawn', async () => {
    const short = await fontSubsetOf('Đức');
    const long = await fontSubsetOf('Sở Giáo dục và Đào tạo tỉnh Tây Ninh');
    // sfnt version of a TrueType font: 0x00010000 or, as fontkit writes it, 'true'.
    expect([0x00010000, 0x74727565]).toContain(short.readUInt32BE(0));
    expect(long.length).toBeGreaterThan(short.length);
    expect(short.length).toBeLessThan(defaultFontFile('regular').length / 10);
  });

  it('reuses the subset when only digits and time punctuation change (a new number or signing time)', async () => {
    const first = await fontSubsetOf('Sở GD&ĐT 2026-11-24T09:15:00+07:00');
    const second = await fontSubsetOf('Sở GD&ĐT 2027-01-05T16:42:31+07:00');
    const other = await fontSubsetOf('Sở GD&ĐT Tây Ninh 2027-01-05T16:42:31+07:00');
    expect(second.equals(first)).toBe(true);
    expect(other.equals(first)).toBe(false);
  });
});
