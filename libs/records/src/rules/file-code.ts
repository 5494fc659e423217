import { AppError } from '@eoffice/core';

/** Ký hiệu hồ sơ: letters (Vietnamese ones too), digits, and `.`, `-`, `/` between them; at most 30. */
const NOTATION = /^[\p{Lu}\p{N}]+(?:[./-][\p{Lu}\p{N}]+)*$/u;
export const NOTATION_MAX = 30;

/** The notation as stored: NFC, trimmed, upper case (so `01.vp` and `01.VP` are one code). */
export function normaliseNotation(raw: string, field = 'notation'): string {
  const notation = raw.normalize('NFC').trim().toUpperCase();
  if (!notation || notation.length > NOTATION_MAX || !NOTATION.test(notation)) {
    throw AppError.validation(`Ký hiệu hồ sơ "${raw}" không hợp lệ (notation: letters and digits joined by . - /, at most ${NOTATION_MAX})`, [
      { field, message: 'letters and digits joined by . - /' },
    ]);
  }
  return notation;
}

/**
 * Mã hồ sơ: the agency's identifier, the year the record was opened and its notation, joined by
 * dots (`SGDĐT.2026.01.VP`). The unit code stands for the agency's OrganId until units carry one.
 */
export function fileCodeOf(agencyCode: string, year: number, notation: string): string {
  return `${agencyCode.normalize('NFC').trim().toUpperCase()}.${year}.${notation}`;
}

export interface Retention {
  /** Years; null when permanent. */
  retentionYears: number | null;
  permanent: boolean;
}

/** Thời hạn bảo quản: either permanent (vĩnh viễn) or a number of years, never both or neither. */
export function retentionOf(input: { permanent?: boolean; retentionYears?: number | null }): Retention {
  const years = input.retentionYears ?? null;
  if (input.permanent === true && years === null) return { permanent: true, retentionYears: null };
  if (input.permanent !== true && years !== null && Number.isInteger(years) && years >= 1 && years <= 100) {
    return { permanent: false, retentionYears: years };
  }
  throw AppError.validation('Thời hạn bảo quản: "permanent": true hoặc số năm từ 1 đến 100 (retention: permanent or 1–100 years)', [
    { field: 'retentionYears', message: 'give permanent: true, or retentionYears 1–100, not both' },
  ]);
}

/** The retention as people read it in the index: "Vĩnh viễn" or "10 năm". */
export function retentionLabel(r: Retention): string {
  return r.permanent ? 'Vĩnh viễn' : `${r.retentionYears} năm`;
}
