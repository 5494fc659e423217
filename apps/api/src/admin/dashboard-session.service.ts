import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuthService, Role } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig } from '@eoffice/core';

export const DASHBOARD_COOKIE = 'eoffice_queues';

/**
 * A browser cannot send a bearer token to the queue dashboard's pages, so an administrator trades
 * theirs for a short-lived HttpOnly cookie: `<subject>.<session version>.<expiry>.<HMAC>`, keyed from
 * JWT_SECRET with a purpose of its own, so no other token is accepted as one. The signature only
 * says who it was given to: the gate asks the account on every request (`holder`), so a demoted,
 * disabled or signed-out administrator loses the dashboard at once, not when the cookie expires.
 */
@Injectable()
export class DashboardSessionService {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('queue-dashboard-session').digest();
  }

  async issue(userId: string, now = Date.now()): Promise<{ value: string; expiresAt: Date; maxAgeSeconds: number }> {
    const maxAgeSeconds = this.config.DASHBOARD_SESSION_SECONDS;
    const expiresAt = new Date(now + maxAgeSeconds * 1000);
    const sessionVersion = (await this.auth.sessionVersionOf(userId)) ?? -1;
    const payload = `${userId}.${sessionVersion}.${expiresAt.getTime()}`;
    return { value: `${payload}.${this.mac(payload)}`, expiresAt, maxAgeSeconds };
  }

  /** The signed subject and session version of an unexpired cookie value; null otherwise. */
  verify(value: string | undefined, now = Date.now()): { userId: string; sessionVersion: number } | null {
    const parts = value?.split('.') ?? [];
    if (parts.length !== 4) return null;
    const [userId, sessionVersion, expiry, mac] = parts;
    const expected = Buffer.from(this.mac(`${userId}.${sessionVersion}.${expiry}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return Number(expiry) > now ? { userId, sessionVersion: Number(sessionVersion) } : null;
  }

  /** The administrator a cookie stands for right now: signed, unexpired, and the account still an active administrator. */
  async holder(value: string | undefined): Promise<string | null> {
    const signed = this.verify(value);
    if (!signed) return null;
    return (await this.auth.browserSessionHolder(signed.userId, signed.sessionVersion, Role.admin))?.id ?? null;
  }

  cookie(value: string, maxAgeSeconds: number): string {
    const secure = this.config.NODE_ENV === 'production' ? '; Secure' : '';
    return `${DASHBOARD_COOKIE}=${value}; Path=/api/v1/admin/queues; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
