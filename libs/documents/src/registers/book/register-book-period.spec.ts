import { registerBookPeriod } from './register-book-period';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    return ((error as { errors: { field: string }[] }).errors ?? []).map((e) => e.field);
  }
  throw new Error('expected a validation error');
};

describe('registerBookPeriod', () => {
  it('defaults to the current year, whole', () => {
    expect(registerBookPeriod({}, 2026)).toEqual({ year: 2026, from: null, to: null });
  });

  it('accepts dates inside the year, inclusive, in order', () => {
    expect(registerBookPeriod({ year: 2025, from: '2025-01-01', to: '2025-03-31' }, 2026)).toEqual({ year: 2025, from: '2025-01-01', to: '2025-03-31' });
    expect(registerBookPeriod({ year: 2025, from: '2025-12-31', to: '2025-12-31' }, 2026).from).toBe('2025-12-31');
  });

  it('refuses years a register cannot hold', () => {
    expect(fieldsOf(() => registerBookPeriod({ year: 1999 }, 2026))).toEqual(['year']);
    expect(fieldsOf(() => registerBookPeriod({ year: 2026.5 }, 2026))).toEqual(['year']);
  });

  it('refuses dates that do not exist, lie outside the year, or run backwards', () => {
    expect(fieldsOf(() => registerBookPeriod({ year: 2026, from: '2026-02-30' }, 2026))).toEqual(['from']);
    expect(fieldsOf(() => registerBookPeriod({ year: 2026, from: '2025-12-31', to: '2027-01-01' }, 2026))).toEqual(['from', 'to']);
    expect(fieldsOf(() => registerBookPeriod({ year: 2026, from: '2026-04-01', to: '2026-03-31' }, 2026))).toEqual(['from']);
  });
});
