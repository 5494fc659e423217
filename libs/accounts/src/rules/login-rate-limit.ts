import { isIPv4, isIPv6 } from 'node:net';

/**
 * Sign-in throttling. Only failed attempts count (a success gives its reservation back), in two
 * fixed windows: per (account, address), tight, so one person mistyping or one attacker guessing
 * one account is slowed without touching colleagues; and per address, loose, so a whole office
 * behind one NAT address signing in at 7 a.m. is never stopped, while spraying guesses over many
 * accounts from one address is. The account lock-out (AuthService) works across addresses.
 */
export interface RateWindow {
  limit: number;
  windowSeconds: number;
}

export const LOGIN_RATE_LIMITS = {
  perAccountAndAddress: { limit: 10, windowSeconds: 15 * 60 },
  perAddress: { limit: 100, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateWindow>;

/**
 * The lock-out, per (account, address) only, so nobody can lock a colleague out from elsewhere and
 * an unknown account answers exactly like a known one: from the 5th failure in a window, each
 * further failure makes the pair wait twice as long (30 s, 1 min, 2 min … at most 15 min).
 */
export const PROGRESSIVE_DELAY = { afterFailures: 5, firstSeconds: 30, maxSeconds: 15 * 60 } as const;

export function progressiveDelaySeconds(failures: number): number {
  const { afterFailures, firstSeconds, maxSeconds } = PROGRESSIVE_DELAY;
  if (failures < afterFailures) return 0;
  return Math.min(maxSeconds, firstSeconds * 2 ** Math.min(failures - afterFailures, 20));
}

/** Second-factor guesses per person from any address: the password is already known to whoever tries. */
export const MFA_RATE_LIMIT: RateWindow = { limit: 5, windowSeconds: 15 * 60 };

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map((g) => g.toLowerCase().padStart(4, '0'));
}

/**
 * The address as the limiter sees it: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 network,
 * because one subscriber usually holds a whole /64 and could otherwise rotate addresses freely.
 */
export function addressKey(ip: string | undefined): string {
  const value = (ip ?? '').trim();
  const mapped = value.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return `${expandIPv6(value.split('%')[0]).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

export function loginRateKeys(prefix: string, username: string, ip: string | undefined): { pair: string; address: string; delay: string } {
  const address = addressKey(ip);
  const account = encodeURIComponent(username.trim().toLowerCase());
  return {
    pair: `${prefix}:ratelimit:login:pair:${account}:${address}`,
    address: `${prefix}:ratelimit:login:addr:${address}`,
    delay: `${prefix}:ratelimit:login:delay:${account}:${address}`,
  };
}

/** Every (account, address) key of one account, for an administrator's password reset to clear. */
export function accountKeyPatterns(prefix: string, username: string): string[] {
  const account = encodeURIComponent(username.trim().toLowerCase()).replace(/[*?[\]\\]/g, '\\$&');
  return [`${prefix}:ratelimit:login:pair:${account}:*`, `${prefix}:ratelimit:login:delay:${account}:*`];
}
