import type { FieldError } from '@eoffice/core';
import { CsvSyntaxError, parseCsv } from './csv';

/**
 * A CSV file of an import read as a table of named columns: the header is checked against the
 * columns the file may have, every row must have as many fields as the header. Problems are
 * reported as `file:line[:column]` (the line a spreadsheet shows), so a clerk finds them.
 */
export interface CsvColumns {
  required: readonly string[];
  optional: readonly string[];
}

export interface CsvTable {
  rows: { line: number; values: Record<string, string> }[];
  problems: FieldError[];
}

export function rowProblem(file: string, line: number, message: string, column?: string): FieldError {
  return { field: `${file}:${line}${column ? `:${column}` : ''}`, message };
}

export function readCsvTable(file: string, text: string, { required, optional }: CsvColumns, maxRows: number): CsvTable {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], problems: [rowProblem(file, error.line, error.message)] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [rowProblem(file, 1, 'tệp trống (empty file)')] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const known: readonly string[] = [...required, ...optional];
  const problems = [
    ...required.filter((c) => !names.includes(c)).map((c) => rowProblem(file, 1, `thiếu cột "${c}" (missing column)`)),
    ...names.filter((c) => !known.includes(c)).map((c) => rowProblem(file, 1, `cột không được nhận: "${c}" (unknown column)`)),
    ...names.filter((c, i) => names.indexOf(c) !== i).map((c) => rowProblem(file, 1, `cột lặp lại: "${c}" (repeated column)`)),
  ];
  if (body.length > maxRows) problems.push(rowProblem(file, 1, `tối đa ${maxRows} dòng mỗi lần (at most ${maxRows} rows)`));
  if (problems.length) return { rows: [], problems };
  const rows = [];
  for (const record of body) {
    if (record.fields.length !== names.length) {
      problems.push(rowProblem(file, record.line, `có ${record.fields.length} cột, cần ${names.length} (wrong number of fields)`));
      continue;
    }
    rows.push({ line: record.line, values: Object.fromEntries(names.map((n, i) => [n, record.fields[i]])) });
  }
  return { rows, problems };
}
