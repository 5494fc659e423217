import { currentPeriodKey, periodKeyOfDay, periodLabel, weekKey } from './periods';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('statistics periods (ISO weeks and months in Vietnam time)', () => {
  it('names ISO weeks across year ends', () => {
    expect(weekKey(day('2026-11-20'))).toBe('2026-W47');
    expect(weekKey(day('2026-12-31'))).toBe('2026-W53'); // 2026 has 53 weeks
    expect(weekKey(day('2027-01-03'))).toBe('2026-W53');
    expect(weekKey(day('2027-01-04'))).toBe('2027-W01');
    expect(weekKey(day('2024-12-30'))).toBe('2025-W01');
    expect(weekKey(day('2021-01-03'))).toBe('2020-W53');
  });

  it('reads now in Vietnam (+07:00): Sunday 17:30 UTC is already Monday there', () => {
    expect(currentPeriodKey('week', new Date('2026-11-22T17:30:00Z'))).toBe('2026-W48');
    expect(currentPeriodKey('week', new Date('2026-11-22T16:30:00Z'))).toBe('2026-W47');
    expect(currentPeriodKey('month', new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
  });

  it('keys a picked day and labels periods in Vietnamese', () => {
    expect(periodKeyOfDay('week', '2026-11-16')).toBe('2026-W47');
    expect(periodKeyOfDay('month', '2026-11-16')).toBe('2026-11');
    expect(periodLabel('2026-W07')).toBe('Tuần 7/2026');
    expect(periodLabel('2026-03')).toBe('Tháng 3/2026');
  });
});
