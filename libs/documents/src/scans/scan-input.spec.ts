import { assertScanInput } from './scan-input';

const png = 'image/png';
const jpeg = 'image/jpeg';
const pdf = 'application/pdf';

describe('scan input', () => {
  it('takes one PDF, or page images of the scan formats', () => {
    expect(() => assertScanInput([pdf], 10)).not.toThrow();
    expect(() => assertScanInput([png, jpeg, 'image/tiff'], 10)).not.toThrow();
  });

  it.each([
    [[], 'SCAN_INPUT_INVALID'],
    [[pdf, pdf], 'SCAN_INPUT_INVALID'],
    [[pdf, png], 'SCAN_INPUT_INVALID'],
    [[png, 'application/vnd.oasis.opendocument.text'], 'SCAN_INPUT_INVALID'],
    [[png, png, png], 'TOO_MANY_PAGES'],
  ])('refuses %j with %s', (types, code) => {
    expect(() => assertScanInput(types, 2)).toThrow(expect.objectContaining({ code }));
  });
});
