import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records with CRLF or LF and an optional final line break', () => {
    expect(fields('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fields('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(fields('"Phòng Tổ chức, cán bộ","Nói ""không""","hai\r\ndòng"\nx,y,z')).toEqual([
      ['Phòng Tổ chức, cán bộ', 'Nói "không"', 'hai\r\ndòng'],
      ['x', 'y', 'z'],
    ]);
  });

  it('reports the line on which each record starts, counting line breaks inside quotes', () => {
    const records = parseCsv('h1,h2\n"a\nb",c\nd,e\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps empty fields, skips empty lines', () => {
    expect(fields('a,,c\n\n,,\n"",x\n')).toEqual([['a', '', 'c'], ['', '', ''], ['', 'x']]);
  });

  it('strips a UTF-8 byte-order mark and keeps Vietnamese text intact', () => {
    expect(fields('\uFEFFfull_name\nNguyễn Văn Bằng\n')).toEqual([['full_name'], ['Nguyễn Văn Bằng']]);
  });

  it('uses semicolons when the header has semicolons and no commas', () => {
    expect(detectDelimiter('code;name\nVP;Văn phòng, Sở')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(fields('code;name\nVP;"Văn phòng; Sở"')).toEqual([['code', 'name'], ['VP', 'Văn phòng; Sở']]);
  });

  it.each([
    ['a,"b\nc,d', 1, 'unterminated'],
    ['a,b\nc,d"e"\n', 2, 'misplaced'],
    ['a\n"b"x,c', 2, 'closing quote'],
  ])('refuses %j at line %d', (text, line, message) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
    expect((error as CsvSyntaxError).message).toContain(message);
  });
});
