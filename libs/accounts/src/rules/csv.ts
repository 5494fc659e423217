/**
 * A small RFC 4180 reader for the directory import: quoted fields, doubled quotes, line breaks
 * inside quotes, CRLF or LF, a UTF-8 byte-order mark (Excel writes one). The delimiter is `,` or,
 * when the header line has semicolons and no commas (Excel with Vietnamese regional settings), `;`.
 */
export interface CsvRecord {
  /** The physical line on which the record starts, 1-based, as a spreadsheet shows it. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  return unquoted.includes(';') && !unquoted.includes(',') ? ';' : ',';
}

export function parseCsv(input: string, delimiter: ',' | ';' = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted and has closed

  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A line with nothing on it is skipped; a record of empty fields (",,") is kept.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new CsvSyntaxError(line, 'dấu ngoặc kép đặt sai chỗ (misplaced quote)');
      quoted = true;
      i += 1;
    } else if (c === delimiter) {
      endField();
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
      line += 1;
      recordLine = line;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += 1;
      line += 1;
      recordLine = line;
    } else {
      if (wasQuoted) throw new CsvSyntaxError(line, 'ký tự sau dấu ngoặc kép đóng (text after a closing quote)');
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'thiếu dấu ngoặc kép đóng (unterminated quoted field)');
  if (field !== '' || wasQuoted || fields.length > 0) endRecord();
  return records;
}
