/** `application/pdf` → `/application#2Fpdf`: a PDF name, every byte outside the regular characters as #xx. */
export function pdfName(value: string): string {
  return '/' + [...Buffer.from(value, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !'#/()<>[]{}%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** A literal string of printable ASCII (our file names), with the three characters that need it escaped. */
export function pdfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not a printable ASCII name: ${value}`);
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A text string of any language: UTF-16BE with its byte order mark, written in hex. */
export function pdfText(value: string): string {
  const utf16 = Buffer.from(value.normalize('NFC'), 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}
