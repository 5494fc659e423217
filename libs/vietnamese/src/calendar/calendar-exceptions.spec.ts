import {
  CalendarException,
  CalendarExceptionError,
  mergeCalendarExceptions,
  parseCalendarExceptions,
  validateCalendarExceptions,
} from './calendar-exceptions';

function issuesOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarExceptionError) return error.issues;
    throw error;
  }
  throw new Error('expected a CalendarExceptionError');
}

describe('parseCalendarExceptions', () => {
  it('accepts JSON text as an admin would upload it, trimming names', () => {
    const text = JSON.stringify([
      { date: '2026-11-24', kind: 'holiday', name: ' Ngày Văn hóa Việt Nam ' },
      { date: '2026-11-28', kind: 'working_day', name: 'Làm bù', source: 'Thông báo số …' },
    ]);
    expect(parseCalendarExceptions(text)).toEqual([
      { date: '2026-11-24', kind: 'holiday', name: 'Ngày Văn hóa Việt Nam' },
      { date: '2026-11-28', kind: 'working_day', name: 'Làm bù', source: 'Thông báo số …' },
    ]);
  });

  it('accepts an empty list', () => {
    expect(parseCalendarExceptions('[]')).toEqual([]);
  });

  it('rejects text that is not JSON, and JSON that is not an array', () => {
    expect(issuesOf(() => parseCalendarExceptions('[{date:'))[0]).toMatch(/^not valid JSON/);
    expect(issuesOf(() => parseCalendarExceptions('{"date":"2026-01-01"}'))).toEqual(['expected a JSON array of exceptions, got object']);
    expect(issuesOf(() => parseCalendarExceptions(null))).toEqual(['expected a JSON array of exceptions, got null']);
  });

  it('reports every problem at once, with the entry number and date', () => {
    const issues = issuesOf(() =>
      parseCalendarExceptions([
        { date: '2026-02-30', kind: 'holiday', name: 'Ngày không có thật' },
        { date: '2026-09-03', kind: 'day_off', name: 'Kind sai' },
        { date: '02/09/2026', kind: 'holiday', name: 'Định dạng sai' },
        { date: '2026-09-04', kind: 'holiday', name: '   ' },
        { date: '2026-09-05', kind: 'holiday', name: 'Thừa trường', note: 'x' },
        'not an object',
      ]),
    );
    expect(issues).toEqual([
      'entry 1 (2026-02-30): "2026-02-30" is not a real calendar date',
      'entry 2 (2026-09-03): unknown kind "day_off"; expected "holiday" (extra day off) or "working_day" (make-up working day)',
      'entry 3 (02/09/2026): "02/09/2026" is not in YYYY-MM-DD form',
      'entry 4 (2026-09-04): "name" must be a non-empty string',
      'entry 5 (2026-09-05): unknown field(s) "note"; allowed: date, kind, name, source',
      'entry 6: expected an object, got string',
    ]);
  });

  it('rejects a date given twice, naming both entries', () => {
    const list = [
      { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh' },
      { date: '2026-08-22', kind: 'working_day', name: 'Làm bù' },
      { date: '2026-09-01', kind: 'working_day', name: 'Đi làm' },
    ];
    expect(issuesOf(() => parseCalendarExceptions(list))).toEqual(['entry 3 (2026-09-01): duplicate date, already given by entry 1']);
  });

  it('rejects missing fields and a non-string source', () => {
    const issues = issuesOf(() => parseCalendarExceptions([{ date: '2026-09-01', source: 42 }]));
    expect(issues).toEqual([
      'entry 1 (2026-09-01): unknown kind undefined; expected "holiday" (extra day off) or "working_day" (make-up working day)',
      'entry 1 (2026-09-01): "name" must be a non-empty string',
      'entry 1 (2026-09-01): "source" must be a string when given',
    ]);
  });

  it('puts all issues in the error message', () => {
    expect(() => validateCalendarExceptions([{ date: '2026-02-30', kind: 'holiday', name: 'x' }])).toThrow(
      'Invalid calendar exceptions:\n- entry 1 (2026-02-30): "2026-02-30" is not a real calendar date',
    );
  });
});

describe('mergeCalendarExceptions', () => {
  const defaults: CalendarException[] = [
    { date: '2027-09-02', kind: 'holiday', name: 'Quốc khánh 2/9', source: 'computed' },
    { date: '2027-09-03', kind: 'holiday', name: 'Quốc khánh 2/9', source: 'computed' },
  ];

  it('lets an override replace the default entry for its date and keeps the rest, sorted', () => {
    const merged = mergeCalendarExceptions(defaults, [
      { date: '2027-09-03', kind: 'working_day', name: 'Ngày làm việc (Chính phủ chọn nghỉ 1/9)' },
      { date: '2027-09-01', kind: 'holiday', name: 'Quốc khánh 2/9', source: 'Thông báo 2027' },
    ]);
    expect(merged.map((entry) => [entry.date, entry.kind])).toEqual([
      ['2027-09-01', 'holiday'],
      ['2027-09-02', 'holiday'],
      ['2027-09-03', 'working_day'],
    ]);
  });

  it('still rejects duplicates inside the overrides themselves', () => {
    const twice: CalendarException[] = [
      { date: '2027-09-01', kind: 'holiday', name: 'a' },
      { date: '2027-09-01', kind: 'holiday', name: 'b' },
    ];
    expect(() => mergeCalendarExceptions(defaults, twice)).toThrow(CalendarExceptionError);
  });

  it('does not change its inputs', () => {
    const overrides: CalendarException[] = [{ date: '2027-09-02', kind: 'working_day', name: 'x' }];
    mergeCalendarExceptions(defaults, overrides);
    expect(defaults[0].kind).toBe('holiday');
  });
});
