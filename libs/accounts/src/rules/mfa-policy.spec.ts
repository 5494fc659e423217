import { hashRecoveryCode, mfaRequiredFor, newRecoveryCode, normaliseRecoveryCode } from './mfa-policy';

describe('MFA policy', () => {
  it('requires a second factor of administrators, leaders and clerks only', () => {
    expect(mfaRequiredFor(['admin'])).toBe(true);
    expect(mfaRequiredFor(['officer', 'leader'])).toBe(true);
    expect(mfaRequiredFor(['clerk'])).toBe(true);
    expect(mfaRequiredFor(['officer'])).toBe(false);
    expect(mfaRequiredFor(['leadership'])).toBe(false);
    expect(mfaRequiredFor([])).toBe(false);
  });

  it('makes recovery codes of five groups of five unambiguous characters, all different', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^([A-HJKMNP-Z2-9]{5}-){4}[A-HJKMNP-Z2-9]{5}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hashes a recovery code however it is typed', () => {
    const code = newRecoveryCode();
    expect(hashRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
    expect(normaliseRecoveryCode(' ab-cd ')).toBe('ABCD');
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
