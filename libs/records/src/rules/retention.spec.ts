import { retentionEnd, retentionOver } from './retention';

describe('retention end (thời hạn bảo quản)', () => {
  it('is the end date plus the retention years', () => {
    expect(retentionEnd({ endDate: '2015-03-10', retentionYears: 10, permanent: false })).toBe('2025-03-10');
    expect(retentionEnd({ endDate: '2016-02-29', retentionYears: 1, permanent: false })).toBe('2017-02-28');
  });

  it('never ends for a permanent record or one without documents', () => {
    expect(retentionEnd({ endDate: '1990-01-01', retentionYears: null, permanent: true })).toBeNull();
    expect(retentionEnd({ endDate: null, retentionYears: 5, permanent: false })).toBeNull();
    expect(retentionOver({ endDate: '1990-01-01', retentionYears: null, permanent: true }, '2100-01-01')).toBe(false);
  });

  it('is over on its last day, not before', () => {
    const r = { endDate: '2015-03-10', retentionYears: 10, permanent: false };
    expect(retentionOver(r, '2025-03-09')).toBe(false);
    expect(retentionOver(r, '2025-03-10')).toBe(true);
  });
});
