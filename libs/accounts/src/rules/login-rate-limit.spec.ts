import { accountKeyPatterns, addressKey, loginRateKeys, progressiveDelaySeconds } from './login-rate-limit';

describe('login rate-limit keys', () => {
  it('keys IPv4 by address, also when IPv4-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 by its /64 network, however it is written', () => {
    expect(addressKey('2001:db8:1:2::42')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8:1:2:ffff:1:2:3')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:DB8:1:2::1')).toBe(addressKey('2001:db8:1:2::99'));
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
  });

  it('puts unknown addresses in one bucket', () => {
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('not-an-ip')).toBe('unknown');
  });

  it('keys the pair by normalised username and address, under the installation prefix', () => {
    const keys = loginRateKeys('eoffice', ' BangNV ', '198.51.100.1');
    expect(keys).toEqual({
      pair: 'eoffice:ratelimit:login:pair:bangnv:198.51.100.1',
      address: 'eoffice:ratelimit:login:addr:198.51.100.1',
      delay: 'eoffice:ratelimit:login:delay:bangnv:198.51.100.1',
    });
    expect(loginRateKeys('p', 'a:b', '1.2.3.4').pair).toBe('p:ratelimit:login:pair:a%3Ab:1.2.3.4');
  });

  it('makes a pair wait longer after every failure from the fifth, up to 15 minutes', () => {
    expect([0, 4].map(progressiveDelaySeconds)).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map(progressiveDelaySeconds)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('matches every address of one account, and only that account', () => {
    expect(accountKeyPatterns('p', 'BangNV')).toEqual(['p:ratelimit:login:pair:bangnv:*', 'p:ratelimit:login:delay:bangnv:*']);
  });
});
