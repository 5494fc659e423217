import {
  formatIssueDate,
  formatIssueDateLine,
  formatNumberLine,
  formatNumberSymbol,
  padDocumentNumber,
} from './decree30-format';
import { formatPdfDate, formatVietnamIso, parsePdfDate, vietnamCalendarDate } from './vietnam-time';

describe('Decree 30 number and date formatting', () => {
  it('pads numbers below 10 only', () => {
    expect(padDocumentNumber(1)).toBe('01');
    expect(padDocumentNumber(9)).toBe('09');
    expect(padDocumentNumber(10)).toBe('10');
    expect(padDocumentNumber(125)).toBe('125');
    expect(() => padDocumentNumber(0)).toThrow(RangeError);
    expect(() => padDocumentNumber(2.5)).toThrow(RangeError);
  });

  it('builds số/ký hiệu and the "Số:" line', () => {
    expect(formatNumberSymbol(5, 'QĐ-SGDĐT')).toBe('05/QĐ-SGDĐT');
    expect(formatNumberLine(12, 'UBND-VP')).toBe('Số: 12/UBND-VP');
    expect(() => formatNumberSymbol(5, 'QĐ SGDĐT')).toThrow(RangeError);
    expect(() => formatNumberSymbol(5, 'QĐ/SGDĐT')).toThrow(RangeError);
    expect(() => formatNumberSymbol(5, 'QĐ')).toThrow(RangeError);
  });

  it('pads day 1–9 and months 1–2, leaves months 3–12 unpadded', () => {
    expect(formatIssueDate({ year: 2020, month: 1, day: 5 })).toBe('ngày 05 tháng 01 năm 2020');
    expect(formatIssueDate({ year: 2020, month: 2, day: 29 })).toBe('ngày 29 tháng 02 năm 2020');
    expect(formatIssueDate({ year: 2019, month: 6, day: 29 })).toBe('ngày 29 tháng 6 năm 2019');
    expect(formatIssueDate({ year: 2019, month: 12, day: 1 })).toBe('ngày 01 tháng 12 năm 2019');
    expect(() => formatIssueDate({ year: 2019, month: 2, day: 29 })).toThrow(RangeError);
    expect(formatIssueDateLine('Tây Ninh', { year: 2027, month: 1, day: 5 })).toBe(
      'Tây Ninh, ngày 05 tháng 01 năm 2027',
    );
  });

  it('uses the Vietnamese calendar day for instants', () => {
    // 18:30 UTC on 4 January is already 5 January in Vietnam.
    const instant = new Date('2027-01-04T18:30:00Z');
    expect(vietnamCalendarDate(instant)).toEqual({ year: 2027, month: 1, day: 5 });
    expect(formatIssueDateLine('Tây Ninh', instant)).toBe('Tây Ninh, ngày 05 tháng 01 năm 2027');
  });

  it('formats ISO 8601 and PDF dates with +07:00 and parses them back', () => {
    const instant = new Date('2024-03-15T07:05:09Z');
    expect(formatVietnamIso(instant)).toBe('2024-03-15T14:05:09+07:00');
    expect(formatPdfDate(instant)).toBe("D:20240315140509+07'00'");
    expect(parsePdfDate(formatPdfDate(instant))?.toISOString()).toBe(instant.toISOString());
    expect(parsePdfDate('D:20240315070509Z')?.toISOString()).toBe(instant.toISOString());
    expect(parsePdfDate('garbage')).toBeUndefined();
  });
});
