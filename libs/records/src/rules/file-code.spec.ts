import { AppError } from '@eoffice/core';
import { fileCodeOf, normaliseNotation, retentionLabel, retentionOf } from './file-code';

describe('file code (mã hồ sơ)', () => {
  it('joins agency code, year and notation, in upper case and NFC', () => {
    expect(fileCodeOf('sgdđt', 2026, normaliseNotation(' 01.vp '))).toBe('SGDĐT.2026.01.VP');
    expect(normaliseNotation('02-TCCB/ĐT')).toBe('02-TCCB/ĐT');
  });

  it('refuses notations with spaces, empty parts or too long', () => {
    for (const bad of ['', '01 VP', '01..VP', '.VP', 'A'.repeat(31), '01.VP;DROP']) {
      expect(() => normaliseNotation(bad)).toThrow(AppError);
    }
  });

  it('takes retention as permanent or years, never both or neither', () => {
    expect(retentionOf({ permanent: true })).toEqual({ permanent: true, retentionYears: null });
    expect(retentionOf({ retentionYears: 10 })).toEqual({ permanent: false, retentionYears: 10 });
    expect(() => retentionOf({ permanent: true, retentionYears: 5 })).toThrow(AppError);
    expect(() => retentionOf({})).toThrow(AppError);
    expect(() => retentionOf({ retentionYears: 0 })).toThrow(AppError);
    expect(retentionLabel({ permanent: false, retentionYears: 20 })).toBe('20 năm');
  });
});
