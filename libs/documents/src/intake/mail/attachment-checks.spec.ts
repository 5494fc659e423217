import { checkAttachment, looksLikeSpam, senderUnverified } from './attachment-checks';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);

describe('attachment checks at intake', () => {
  it('keeps documents, typed from their bytes', () => {
    expect(checkAttachment(pdf, 'cong-van.bin', 'application/octet-stream', 100)).toEqual({ keep: true, mimeType: 'application/pdf' });
    expect(checkAttachment(zip, 'Du thao.docx', 'application/zip', 100)).toMatchObject({ keep: true, mimeType: expect.stringContaining('wordprocessingml') });
  });

  it.each([
    ['big.pdf', 'attachment_too_large', Buffer.alloc(101, 0x20)],
    ['hoa-don.pdf', 'executable', Buffer.from('MZ\x90\x00')],
    ['setup.exe', 'executable', Buffer.from('hello')],
    ['ho-so.zip', 'archive', zip],
    ['x.dat', 'archive', Buffer.from([0x1f, 0x8b, 8, 0])],
  ])('refuses %s with %s', (name, flag, bytes) => {
    expect(checkAttachment(bytes, name, null, 100)).toEqual({ keep: false, flag });
  });

  it('tells spam and unverified senders from the headers', () => {
    expect(looksLikeSpam(new Map([['x-spam-flag', 'YES']]), 'Công văn')).toBe(true);
    expect(looksLikeSpam(new Map(), '[SPAM] Trúng thưởng')).toBe(true);
    expect(looksLikeSpam(new Map([['x-spam-status', 'No, score=0.1']]), 'Công văn 125')).toBe(false);
    expect(senderUnverified(new Map([['authentication-results', 'mx.gov.vn; spf=fail smtp.mailfrom=x.vn; dmarc=fail']]))).toBe(true);
    expect(senderUnverified(new Map([['authentication-results', 'mx.gov.vn; spf=pass; dkim=pass']]))).toBe(false);
  });
});
