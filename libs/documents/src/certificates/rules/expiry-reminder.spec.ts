import { expiryDedupeKey, expiryThreshold, expiryTitle, expiryWindowEnd } from './expiry-reminder';

const DAY = 86_400_000;
const now = new Date('2026-11-24T03:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * DAY);

describe('certificate expiry reminders', () => {
  it('names the nearest threshold reached: 30 days, 7 days, expired', () => {
    expect(expiryThreshold(inDays(31), now)).toBeNull();
    expect(expiryThreshold(inDays(30), now)).toBe(30);
    expect(expiryThreshold(inDays(8), now)).toBe(30);
    expect(expiryThreshold(inDays(7), now)).toBe(7);
    expect(expiryThreshold(inDays(0.01), now)).toBe(7);
    expect(expiryThreshold(now, now)).toBe(0);
    expect(expiryThreshold(inDays(-40), now)).toBe(0);
  });

  it('looks 30 days ahead for candidates', () => {
    expect(expiryWindowEnd(now)).toEqual(inDays(30));
  });

  it('gives one key per certificate and threshold, so a second run adds nothing', () => {
    expect(expiryDedupeKey('c1', 30)).toBe('certificate_expiring:c1:30');
    expect(expiryDedupeKey('c1', 7)).not.toBe(expiryDedupeKey('c1', 30));
    expect(expiryDedupeKey('c1', 7).length).toBeLessThanOrEqual(120);
  });

  it('writes the end date the Vietnamese way', () => {
    expect(expiryTitle('chứng thư “Lê Minh Khoa”', '2026-12-05', 30)).toBe(
      'Chứng thư số sắp hết hạn (còn dưới 30 ngày, hết hạn ngày 05/12/2026): chứng thư “Lê Minh Khoa”',
    );
    expect(expiryTitle('x', '2026-11-20', 0)).toMatch(/^Chứng thư số đã hết hạn ngày 20\/11\/2026/);
  });
});
