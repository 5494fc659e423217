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

export function loginRateKeys(prefix: string, username: string, ip: string | undefined): { pair: string; address: string } {
  const address = addressKey(ip);
  const account = encodeURIComponent(username.trim().toLowerCase());
  return {
    pair: `${prefix}:ratelimit:login:pair:${account}:${address}`,
    address: `${prefix}:ratelimit:login:addr:${address}`,
  };
}
