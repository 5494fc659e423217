import { handoverDeadline, handoverThreshold, warnBy } from './handover-due';

describe('hand-over deadline (nộp lưu)', () => {
  it('is one year after the end date, 29 February giving 28 February', () => {
    expect(handoverDeadline('2025-06-15')).toBe('2026-06-15');
    expect(handoverDeadline('2024-02-29')).toBe('2025-02-28');
    expect(handoverDeadline('2025-12-31')).toBe('2026-12-31');
  });

  it('warns within 30 days of the deadline, then once it passed', () => {
    expect(warnBy('2026-12-06')).toBe('2027-01-05');
    expect(handoverThreshold('2025-11-05', '2026-12-06')).toBe('overdue');
    expect(handoverThreshold('2025-12-06', '2026-12-06')).toBe('due_soon'); // the deadline is today
    expect(handoverThreshold('2026-01-05', '2026-12-06')).toBe('due_soon');
    expect(handoverThreshold('2026-01-06', '2026-12-06')).toBeNull();
  });
});
