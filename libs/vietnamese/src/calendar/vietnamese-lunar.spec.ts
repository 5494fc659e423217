import { CalendarDateError } from './calendar-date';
import { lunarToSolar } from './vietnamese-lunar';

describe('lunarToSolar', () => {
  it.each([
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('finds Tết %i on %s', (year, date) => {
    expect(lunarToSolar(1, 1, year)).toBe(date);
  });

  it('uses Vietnam time (UTC+07:00), where Tết can differ from the Chinese New Year', () => {
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 2007, false, 8)).toBe('2007-02-18');
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 1985, false, 8)).toBe('1985-02-20');
  });

  it('finds Giỗ Tổ Hùng Vương (10/3 lunar), also after a leap month', () => {
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29'); // 2023 had a leap 2nd month
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
  });

  it('handles leap months (tháng nhuận)', () => {
    expect(lunarToSolar(1, 2, 2023)).toBe('2023-02-20');
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(CalendarDateError);
    expect(() => lunarToSolar(1, 3, 2024, true)).toThrow(/has no leap month/);
  });

  it('rejects impossible lunar dates', () => {
    expect(() => lunarToSolar(31, 1, 2026)).toThrow(CalendarDateError);
    expect(() => lunarToSolar(1, 13, 2026)).toThrow(CalendarDateError);
  });
});
