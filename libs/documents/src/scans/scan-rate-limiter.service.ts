import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError, RateLimitStore } from '@eoffice/core';

const WINDOW_MS = 60_000;

/** How long until the window has room. KEYS: counter. ARGV: limit, window ms. 0 when there is room. */
const WAIT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used < tonumber(ARGV[1]) then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = tonumber(ARGV[2]) end
return ttl`;

/** Counts pages into the window; the window starts with its first page. KEYS: counter. ARGV: pages, window ms. */
const COUNT = `
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if n == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return n`;

/** 429 SCAN_RATE_LIMITED with the seconds to wait; the scans route copies them into Retry-After. */
export class ScanRateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    limit: number,
  ) {
    super(
      429,
      'SCAN_RATE_LIMITED',
      `Đã quét quá ${limit} trang trong một phút, vui lòng thử lại sau ${retryAfterSeconds} giây (scan page rate exceeded, retry after ${retryAfterSeconds} s)`,
    );
  }
}

/**
 * SCAN_PAGES_PER_MINUTE per clerk, in Redis so every API process shares the count: a fixed window
 * of one minute that starts with the clerk's first page. A request is let in while the clerk is
 * under the limit (checked before its body is read, so a refused request stores nothing) and its
 * pages are counted once it is accepted; one request may thus end a little over the limit, and the
 * next waits for the window to end. If Redis cannot answer, scans go on uncounted: an outage of the
 * limiter must not stop digitisation.
 */
@Injectable()
export class ScanRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  private get limit(): number {
    return this.config.SCAN_PAGES_PER_MINUTE;
  }

  /** Throws SCAN_RATE_LIMITED when the clerk has used the minute's pages. */
  async assertRoom(userId: string): Promise<void> {
    if (this.limit === 0) return;
    const waitMs = await this.eval(WAIT, this.key(userId), [this.limit, WINDOW_MS]);
    if (waitMs && waitMs > 0) throw new ScanRateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)), this.limit);
  }

  /** Counts the pages of an accepted scan request against the clerk's minute. */
  async count(userId: string, pages: number): Promise<void> {
    if (this.limit === 0 || pages <= 0) return;
    await this.eval(COUNT, this.key(userId), [pages, WINDOW_MS]);
  }

  private key(userId: string): string {
    return `${this.config.QUEUE_PREFIX}:ratelimit:scan-pages:${userId}`;
  }

  private eval(script: string, key: string, args: number[]): Promise<number | null> {
    return this.store.eval('scan page limiter', script, [key], args);
  }
}
