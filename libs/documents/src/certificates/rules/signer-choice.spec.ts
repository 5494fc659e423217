import { chooseSigningCertificate } from './signer-choice';

const DAY = 86_400_000;
const now = new Date('2026-11-24T03:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);

function candidate(name: string, from: number, to: number, createdDaysAgo: number, active = true) {
  return { name, active, notBefore: at(from), notAfter: at(to), createdAt: at(-createdDaysAgo) };
}

describe('which stored certificate signs', () => {
  it('takes the newest registered among the active ones valid now', () => {
    const older = candidate('older', -300, 300, 200);
    const newer = candidate('newer', -10, 700, 5);
    const inactive = candidate('inactive', -1, 900, 1, false);
    expect(chooseSigningCertificate([older, newer, inactive], now)).toBe(newer);
    expect(chooseSigningCertificate([older, inactive], now)).toBe(older);
  });

  it('skips an expired newer certificate for a valid older one', () => {
    const valid = candidate('valid', -300, 300, 200);
    const expired = candidate('expired', -400, -1, 2);
    expect(chooseSigningCertificate([expired, valid], now)).toBe(valid);
  });

  it('says why nothing can sign: none active, all expired, or not yet valid', () => {
    expect(chooseSigningCertificate([], now)).toBe('CERTIFICATE_MISSING');
    expect(chooseSigningCertificate([candidate('off', -1, 9, 1, false)], now)).toBe('CERTIFICATE_MISSING');
    expect(chooseSigningCertificate([candidate('old', -400, -1, 400)], now)).toBe('CERTIFICATE_EXPIRED');
    expect(chooseSigningCertificate([candidate('old', -400, -1, 400), candidate('soon', 2, 300, 1)], now)).toBe('CERTIFICATE_NOT_YET_VALID');
  });

  it('counts the last second of validity as valid', () => {
    const edge = { active: true, notBefore: at(-1), notAfter: now, createdAt: at(-1) };
    expect(chooseSigningCertificate([edge], now)).toBe(edge);
  });
});
