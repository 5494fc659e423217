import { safeDownloadName } from './download-name';

describe('safeDownloadName', () => {
  it('drops bidirectional overrides, isolates, zero-width and control characters', () => {
    expect(safeDownloadName('hoadon\u202Efdp.exe', 'application/pdf', 'x')).toBe('hoadonfdp.pdf');
    expect(safeDownloadName('a\u2066b\u2069c\u200Bd\u0000e\u0007.pdf', 'application/pdf', 'x')).toBe('abcde.pdf');
  });

  it('takes the extension from the detected type, not from the uploaded name', () => {
    expect(safeDownloadName('Quyết định.exe', 'application/pdf', 'x')).toBe('Quyết định.pdf');
    expect(safeDownloadName('scan.pdf', 'image/png', 'x')).toBe('scan.png');
    expect(safeDownloadName('bang.xls', 'application/x-cfb', 'x')).toBe('bang.xls');
    expect(safeDownloadName('bang.exe', 'application/x-cfb', 'x')).toBe('bang.doc');
    expect(safeDownloadName('noname', 'application/octet-stream', 'x')).toBe('noname.bin');
  });

  it('keeps no path, no leading dots, and falls back when nothing is left', () => {
    expect(safeDownloadName('../../etc/passwd', 'application/pdf', 'x')).toBe('_.._etc_passwd.pdf');
    expect(safeDownloadName('\u202E\u202E', 'application/pdf', 'tep')).toBe('tep.pdf');
    expect(safeDownloadName(null, 'application/pdf', 'tep')).toBe('tep.pdf');
  });

  it('bounds the length', () => {
    expect(safeDownloadName(`${'á'.repeat(400)}.pdf`, 'application/pdf', 'x')).toHaveLength(154);
  });
});
