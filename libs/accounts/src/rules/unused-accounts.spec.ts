import { cutoffBefore, unusedAccounts, unusedUnits, UnitUsage } from './unused-accounts';

const now = new Date('2026-11-20T01:00:00Z');
const cutoff = cutoffBefore(now, 6);
const unit = (over: Partial<UnitUsage>): UnitUsage => ({
  unitId: 'u',
  code: 'VP',
  name: 'Văn phòng',
  email: 'vp@x.gov.vn',
  createdAt: new Date('2025-01-01T00:00:00Z'),
  lastUsedAt: null,
  memberCount: 1,
  ...over,
});

describe('unused unit accounts (the Bình Định e-mail rules (2014) Điều 5.2)', () => {
  it('counts back calendar months, clamping to the end of a shorter month', () => {
    expect(cutoff.toISOString()).toBe('2026-05-20T01:00:00.000Z');
    expect(cutoffBefore(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(cutoffBefore(new Date('2026-03-15T00:00:00Z'), 0).toISOString()).toBe('2026-03-15T00:00:00.000Z');
  });

  it('reports a unit nobody used since it was issued more than six months ago', () => {
    expect(unusedUnits([unit({ unitId: 'a' })], cutoff).map((u) => u.unitId)).toEqual(['a']);
  });

  it('reports a unit last used before the cutoff, with that date', () => {
    const [entry] = unusedUnits([unit({ lastUsedAt: new Date('2026-05-19T00:00:00Z') })], cutoff);
    expect(entry.lastUsedAt).toBe('2026-05-19T00:00:00.000Z');
  });

  it('does not report a unit used after the cutoff', () => {
    expect(unusedUnits([unit({ lastUsedAt: new Date('2026-05-21T00:00:00Z') })], cutoff)).toEqual([]);
  });

  it('does not report a unit issued less than six months ago, even if never used', () => {
    expect(unusedUnits([unit({ createdAt: new Date('2026-06-01T00:00:00Z') })], cutoff)).toEqual([]);
  });

  it('applies the same rule to personal accounts', () => {
    const base = { username: 'bangnv', fullName: 'Nguyễn Văn Bằng', unitId: 'u', createdAt: new Date('2025-01-01T00:00:00Z') };
    const result = unusedAccounts(
      [
        { ...base, userId: 'never', lastLoginAt: null },
        { ...base, userId: 'recent', lastLoginAt: new Date('2026-11-01T00:00:00Z') },
        { ...base, userId: 'new', createdAt: new Date('2026-10-01T00:00:00Z'), lastLoginAt: null },
      ],
      cutoff,
    );
    expect(result.map((a) => a.userId)).toEqual(['never']);
  });
});
