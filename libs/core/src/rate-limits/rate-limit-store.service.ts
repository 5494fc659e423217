import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * The one Redis connection the rate limiters (sign-in, second factor, scan pages) count on, so every
 * API process shares their counters. Best effort by design: a command that Redis cannot answer
 * within a second gives `null`, and each limiter then lets the request through — an outage of a
 * limiter must not lock the agency out or stop digitisation.
 */
@Injectable()
export class RateLimitStore implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStore.name);
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Lazy: processes that never count anything (the worker) never connect.
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.redis.on('error', () => undefined); // reported per command below; keep the process alive
  }

  /** Runs a counting script; `null` when Redis cannot answer (`what` names the limiter in the log). */
  async eval(what: string, script: string, keys: string[], args: (string | number)[]): Promise<number | null> {
    try {
      return Number(await this.redis.eval(script, keys.length, ...keys, ...args));
    } catch (error) {
      this.logger.warn(`${what} unavailable, not counting: ${String(error)}`);
      return null;
    }
  }

  /** Deletes every counter matching the patterns; false when Redis could not answer. */
  async deleteMatching(patterns: string[]): Promise<boolean> {
    try {
      for (const pattern of patterns) {
        let cursor = '0';
        do {
          const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
          if (keys.length) await this.redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      }
      return true;
    } catch (error) {
      this.logger.warn(`could not clear rate-limit counters: ${String(error)}`);
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}
