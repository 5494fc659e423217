import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredCalendarExceptions } from './configured-exceptions';
import { VIETNAM_DEFAULT_EXCEPTIONS } from './vietnam-holidays';
import { WorkingCalendar } from './working-calendar';

const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'calendar-')), 'exceptions.json');
  writeFileSync(path, content);
  return path;
};

describe('the configured calendar', () => {
  it('is the built-in national schedule without a file', () => {
    expect(configuredCalendarExceptions(undefined)).toEqual([...VIETNAM_DEFAULT_EXCEPTIONS]);
  });

  it('adds a year the code does not know and lets an entry cancel a built-in holiday', () => {
    const builtIn = VIETNAM_DEFAULT_EXCEPTIONS.find((e) => e.kind === 'holiday')!;
    const exceptions = configuredCalendarExceptions(
      file(JSON.stringify([
        { date: '2028-01-03', kind: 'holiday', name: 'Nghỉ bù Tết Dương lịch (giả định)' },
        { date: builtIn.date, kind: 'working_day', name: 'Không nghỉ theo quyết định của cơ quan' },
      ])),
    );
    const calendar = new WorkingCalendar(exceptions);
    // Friday 31 December 2027 + 1 working day skips the weekend, 1 January (built in) and the added 3 January.
    expect(String(calendar.addWorkingDays('2027-12-31', 1))).toBe('2028-01-04');
    expect(calendar.isWorkingDay(builtIn.date)).toBe(true);
  });

  it('refuses a bad file at start-up, naming the variable and every problem', () => {
    expect(() => configuredCalendarExceptions(file('[{"date":"2028-02-30","kind":"holiday","name":"x"},{"kind":"nghỉ"}]'))).toThrow(
      /CALENDAR_EXCEPTIONS_FILE [\s\S]*2028-02-30[\s\S]*entry 2/,
    );
    expect(() => configuredCalendarExceptions('/nonexistent/calendar.json')).toThrow(/CALENDAR_EXCEPTIONS_FILE: cannot read/);
  });
});
