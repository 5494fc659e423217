import { AppError, FieldError } from '@eoffice/core';
import { stripDiacritics } from './username';
import { normaliseText, personNameProblem, TEXT_PROBLEM_MESSAGES, TextProblem, textProblem } from '@eoffice/vietnamese';

/**
 * Checks of what an administrator types for a unit or a person, shared by the API and the CSV
 * import (which collects them per row instead of stopping at the first).
 */
export interface FieldProblem extends FieldError {
  legacyEncoding?: boolean;
}

const UNIT_CODE = /^[\p{Lu}\p{Nd}][\p{Lu}\p{Nd}._-]*$/u;

export function normaliseUnitCode(code: string): string {
  return code.normalize('NFC').trim().toUpperCase();
}

/** The unit's official mailbox name (tendonvi): its code without diacritics, letters and digits only. */
export function mailboxName(code: string): string {
  return stripDiacritics(normaliseUnitCode(code)).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function problem(field: string, kind: TextProblem): FieldProblem {
  return { field, message: TEXT_PROBLEM_MESSAGES[kind], ...(kind === 'legacy_encoding' ? { legacyEncoding: true } : {}) };
}

function tooLong(field: string, value: string, max: number): FieldProblem[] {
  return value.length > max ? [{ field, message: `tối đa ${max} ký tự (at most ${max} characters)` }] : [];
}

export function unitProblems(input: { code: string; name: string }): FieldProblem[] {
  const code = normaliseUnitCode(input.code);
  const problems: FieldProblem[] = [];
  if (!UNIT_CODE.test(code) || !mailboxName(code)) {
    problems.push({ field: 'code', message: 'chỉ gồm chữ cái, chữ số, dấu . _ - (letters, digits, . _ - only)' });
  }
  problems.push(...tooLong('code', code, 20));
  const nameKind = textProblem(input.name);
  if (nameKind) problems.push(problem('name', nameKind));
  problems.push(...tooLong('name', normaliseText(input.name), 200));
  return problems;
}

export function personProblems(input: { fullName: string; position?: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const nameKind = personNameProblem(input.fullName);
  if (nameKind) problems.push(problem('fullName', nameKind));
  problems.push(...tooLong('fullName', normaliseText(input.fullName), 100));
  return [...problems, ...positionProblems(input.position)];
}

/** A position (chức vụ) is optional; blank means none. */
export function positionProblems(position: string | null | undefined): FieldProblem[] {
  if (position == null || normaliseText(position) === '') return [];
  const kind = textProblem(position);
  return [...(kind ? [problem('position', kind)] : []), ...tooLong('position', normaliseText(position), 100)];
}

/** One 400 for all the problems; LEGACY_ENCODING when any of them is legacy-encoded text. */
export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const errors = problems.map(({ field, message }) => ({ field, message }));
  if (problems.some((p) => p.legacyEncoding)) {
    throw new AppError(400, 'LEGACY_ENCODING', 'Văn bản dùng bảng mã cũ (TCVN3/VNI), cần Unicode (legacy encoding)', errors);
  }
  throw AppError.validation('Dữ liệu gửi lên không hợp lệ (validation failed)', errors);
}
