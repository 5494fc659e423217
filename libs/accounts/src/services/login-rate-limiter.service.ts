import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { TooManyRequestsError } from '../errors/too-many-requests.error';
import { LOGIN_RATE_LIMITS, loginRateKeys } from '../rules/login-rate-limit';

/**
 * Checks every window and, only if all have room, counts the attempt in each: atomic, so a burst
 * of parallel attempts cannot slip past the limit. Returns 0, or the milliseconds until the
 * fullest window resets.
 */
const RESERVE = `
for i = 1, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then ttl = tonumber(ARGV[2 * i]) end
    return ttl
  end
end
for i = 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
end
return 0`;

/** Gives a reservation back; never below zero, never on a key that has already expired. */
const REFUND = `
for i = 1, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used > 0 then redis.call('DECR', KEYS[i]) end
end
return 0`;

export interface LoginAttempt {
  /** The attempt succeeded: it does not count against anyone. */
  succeeded(): Promise<void>;
}

/**
 * Throttles sign-in in Redis, so every API process shares the counters. If Redis cannot answer
 * within a second, sign-in goes on unthrottled (the account lock-out in PostgreSQL still holds):
 * an outage of the limiter must not lock the whole agency out.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Lazy: processes that never sign anyone in (the worker) never connect.
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.redis.on('error', () => undefined); // reported per command below; keep the process alive
  }

  async reserve(username: string, ip: string | undefined): Promise<LoginAttempt> {
    const keys = loginRateKeys(this.config.QUEUE_PREFIX, username, ip);
    const { perAccountAndAddress: pair, perAddress: address } = LOGIN_RATE_LIMITS;
    let waitMs: number;
    try {
      waitMs = Number(
        await this.redis.eval(RESERVE, 2, keys.pair, keys.address, pair.limit, pair.windowSeconds * 1000, address.limit, address.windowSeconds * 1000),
      );
    } catch (error) {
      this.logger.warn(`login rate limiter unavailable, not throttling: ${String(error)}`);
      return { succeeded: async () => undefined };
    }
    if (waitMs > 0) throw new TooManyRequestsError(Math.max(1, Math.ceil(waitMs / 1000)));
    return {
      succeeded: async () => {
        await this.redis.eval(REFUND, 2, keys.pair, keys.address).catch(() => undefined);
      },
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}
