import { displayText } from '@eoffice/reports';
import type { Register } from '../register.entity';
import type { RegisterBookPeriod } from './register-book-period';

/** The cover lines of Phụ lục IV: the register's name, the agency, the year (and dates), the register. */
export function registerBookTitle(register: Pick<Register, 'name'>): string[] {
  return [register.name.normalize('NFC').toLocaleUpperCase('vi-VN')];
}

export function registerBookSubtitle(agencyName: string, register: Pick<Register, 'code' | 'confidential'>, period: RegisterBookPeriod): string[] {
  const lines = [agencyName, `${periodText(period)} · Mã sổ: ${register.code}`];
  // Mật entries reach only the people they name, so two readers may get different books.
  if (register.confidential) lines.push('Sổ mật: chỉ gồm các văn bản người in sổ được phép xem');
  return lines;
}

/** E.g. "Sổ đăng ký văn bản đến - DEN - 2026" or "… - 2026-01-01 đến 2026-03-31". */
export function registerBookFileName(register: Pick<Register, 'name' | 'code'>, period: RegisterBookPeriod): string {
  const dates = period.from || period.to ? `${period.from ?? `${period.year}-01-01`} đến ${period.to ?? `${period.year}-12-31`}` : String(period.year);
  return `${register.name} - ${register.code} - ${dates}`.normalize('NFC');
}

function periodText(period: RegisterBookPeriod): string {
  const from = period.from ? ` từ ngày ${displayText(period.from, 'date')}` : '';
  const to = period.to ? ` đến ngày ${displayText(period.to, 'date')}` : '';
  return `Năm ${period.year}${from}${to}`;
}
