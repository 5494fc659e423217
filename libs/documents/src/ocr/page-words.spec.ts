import { lowestDpiOf, parseBboxPage } from './page-words';

describe('page 1 words (pdftotext -bbox)', () => {
  it('reads the first page’s words and boxes, entities decoded, NFC', () => {
    const xhtml = `<doc><page width="595.28" height="841.89">
<word xMin="60.5" yMin="50.1" xMax="80.2" yMax="63.0">S\u1ed1:</word>
<word xMin="82.0" yMin="50.1" xMax="150.0" yMax="63.0">125/SGD\u0110T-VP</word>
<word xMin="90" yMin="70" xMax="99" yMax="80">&amp;</word>
</page><page width="595.28" height="841.89"><word xMin="1" yMin="1" xMax="2" yMax="2">later</word></page></doc>`;
    const page = parseBboxPage(xhtml);
    expect(page.width).toBeCloseTo(595.28);
    expect(page.words.map((w) => w.text)).toEqual(['Số:', '125/SGDĐT-VP', '&']);
    expect(page.words[1]).toMatchObject({ x0: 82, y0: 50.1, x1: 150, y1: 63 });
  });

  it('has no words for output without a page', () => {
    expect(parseBboxPage('<doc></doc>')).toEqual({ width: 0, height: 0, words: [] });
  });

  it('takes the lowest resolution of the pictures, ignoring masks; none for a born-digital PDF', () => {
    const list = `page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   1     0 image    1654  2339  gray    1   8  jpeg   no         8  0   200   200  120K 3.2%
   2     1 image    1240  1754  gray    1   8  image  no        12  0   150   150  200K 9.4%
   2     2 smask    1240  1754  gray    1   8  image  no        12  0    72    72  1K 0.1%
`;
    expect(lowestDpiOf(list)).toBe(150);
    expect(lowestDpiOf(list.split('\n').slice(0, 3).join('\n'))).toBe(200);
    expect(lowestDpiOf('page   num  type\n----\n')).toBeNull();
  });
});
