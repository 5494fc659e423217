import { validate } from 'class-validator';
import { IsCalendarDate, IsCalendarInstant, isCalendarDate, isCalendarInstant } from './calendar-date.validator';

describe('calendar dates', () => {
  it('accepts days that exist in the registers’ years and refuses the rest', () => {
    for (const good of ['2026-02-28', '2028-02-29', '2000-01-01', '2200-12-31']) expect(isCalendarDate(good)).toBe(true);
    for (const bad of ['2026-02-31', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '1900-01-01', '2201-01-01', '9999-12-31', '2026-1-1', 20260101, '']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('accepts instants with an offset on real days and refuses invalid days and far years', () => {
    expect(isCalendarInstant('2026-11-24T08:30:00+07:00')).toBe(true);
    expect(isCalendarInstant('2026-11-24T01:30:00.123Z')).toBe(true);
    for (const bad of ['1900-11-24T08:30:00+07:00', '2026-02-31T08:30:00+07:00', '2026-11-24T24:00:00Z', '2026-11-24T08:30:00', '+275760-09-13T00:00:00Z']) {
      expect(isCalendarInstant(bad)).toBe(false);
    }
  });

  it('works as decorators with a message naming the field', async () => {
    class Dto {
      @IsCalendarDate() day!: string;
      @IsCalendarInstant() at!: string;
    }
    const dto = Object.assign(new Dto(), { day: '2026-02-31', at: '1900-01-01T00:00:00Z' });
    const errors = await validate(dto);
    expect(errors.map((e) => e.property).sort()).toEqual(['at', 'day']);
    expect(Object.values(errors[0].constraints ?? {})[0]).toContain('2000');
  });
});
