import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RateLimitStore } from '@eoffice/core';
import { TooManyRequestsError } from '../errors/too-many-requests.error';
import { accountKeyPatterns, LOGIN_RATE_LIMITS, loginRateKeys, MFA_RATE_LIMIT, PROGRESSIVE_DELAY } from '../rules/login-rate-limit';

/**
 * Checks the pair's progressive delay and every window and, only if all have room, counts the
 * attempt in each: atomic, so a burst of parallel attempts cannot slip past the limit. From the
 * delay threshold on, the count also sets the pair's next delay (30 s doubling, capped), which a
 * success clears. Returns 0, or the milliseconds until the attempt may be made.
 * KEYS: pair, address, delay. ARGV: pair limit, pair window ms, address limit, address window ms,
 * delay threshold, first delay ms, max delay ms.
 */
const RESERVE = `
local delay = redis.call('PTTL', KEYS[3])
if delay > 0 then return delay end
for i = 1, 2 do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then ttl = tonumber(ARGV[2 * i]) end
    return ttl
  end
end
local count = 0
for i = 1, 2 do
  local n = redis.call('INCR', KEYS[i])
  if n == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
  if i == 1 then count = n end
end
local threshold = tonumber(ARGV[5])
if count >= threshold then
  local wait = math.min(tonumber(ARGV[7]), tonumber(ARGV[6]) * (2 ^ math.min(count - threshold, 20)))
  redis.call('SET', KEYS[3], '1', 'PX', math.floor(wait))
end
return 0`;

/** One window, for the second factor. KEYS: counter. ARGV: limit, window ms. */
const RESERVE_ONE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then ttl = tonumber(ARGV[2]) end
  return ttl
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Gives a reservation back (never below zero, never on an expired key) and lifts the pair's delay. */
const REFUND = `
for i = 1, #KEYS do
  if i == 3 then
    redis.call('DEL', KEYS[i])
  else
    local used = tonumber(redis.call('GET', KEYS[i]) or '0')
    if used > 0 then redis.call('DECR', KEYS[i]) end
  end
end
return 0`;

export interface LoginAttempt {
  /** The attempt succeeded: it does not count against anyone. */
  succeeded(): Promise<void>;
}

const UNTHROTTLED: LoginAttempt = { succeeded: async () => undefined };

/**
 * Throttles sign-in (and the other places a password or a code is guessed) in Redis, so every API
 * process shares the counters. If Redis cannot answer within a second, sign-in goes on unthrottled:
 * an outage of the limiter must not lock the whole agency out.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  /** `account` is the username as typed (unknown ones are counted the same way), or a scoped name. */
  async reserve(account: string, ip: string | undefined): Promise<LoginAttempt> {
    const keys = loginRateKeys(this.config.QUEUE_PREFIX, account, ip);
    const { perAccountAndAddress: pair, perAddress: address } = LOGIN_RATE_LIMITS;
    const delay = PROGRESSIVE_DELAY;
    const args = [pair.limit, pair.windowSeconds * 1000, address.limit, address.windowSeconds * 1000, delay.afterFailures, delay.firstSeconds * 1000, delay.maxSeconds * 1000];
    const waitMs = await this.eval(RESERVE, [keys.pair, keys.address, keys.delay], args);
    if (waitMs === null) return UNTHROTTLED;
    if (waitMs > 0) throw new TooManyRequestsError(Math.max(1, Math.ceil(waitMs / 1000)));
    return { succeeded: async () => void (await this.eval(REFUND, [keys.pair, keys.address, keys.delay], [])) };
  }

  /** Second-factor guesses for one person, whatever the address. */
  async reserveSecondFactor(userId: string): Promise<LoginAttempt> {
    const key = `${this.config.QUEUE_PREFIX}:ratelimit:mfa:${userId}`;
    const waitMs = await this.eval(RESERVE_ONE, [key], [MFA_RATE_LIMIT.limit, MFA_RATE_LIMIT.windowSeconds * 1000]);
    if (waitMs === null) return UNTHROTTLED;
    if (waitMs > 0) throw new TooManyRequestsError(Math.max(1, Math.ceil(waitMs / 1000)));
    return { succeeded: async () => void (await this.eval(REFUND, [key], [])) };
  }

  /** An administrator reset the password: the account's failures from every address are forgiven. */
  async forgetAccount(username: string): Promise<void> {
    await this.store.deleteMatching(accountKeyPatterns(this.config.QUEUE_PREFIX, username));
  }

  private eval(script: string, keys: string[], args: (string | number)[]): Promise<number | null> {
    return this.store.eval('login rate limiter', script, keys, args);
  }
}
