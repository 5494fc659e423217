import { Injectable, Logger } from '@nestjs/common';

/**
 * The stable names of security events. Log shippers and alert rules match on `event`, so a name
 * never changes meaning; add new ones instead.
 */
export const SecurityEvent = {
  /** A sign-in refused: wrong password, unknown or inactive account, locked, throttled. */
  signInFailed: 'security.sign_in_failed',
  /** A request refused by authentication (401) or authorization (403). */
  requestRefused: 'security.request_refused',
  /** A person's multi-factor set-up changed: enrolled, confirmed, disabled, reset, recovery code used. */
  mfaChanged: 'security.mfa_changed',
} as const;
export type SecurityEvent = (typeof SecurityEvent)[keyof typeof SecurityEvent];

export interface SignInFailure {
  username: string;
  ip?: string;
  /** The error code the client got, e.g. INVALID_CREDENTIALS, TOO_MANY_REQUESTS. */
  code: string;
}

export interface RequestRefusal {
  status: number;
  code: string;
  method: string;
  path: string;
  ip?: string;
  userId?: string | null;
  requestId?: string;
}

export interface MfaChange {
  userId: string;
  /** Who made the change: the person, or an administrator resetting it. */
  actorId: string | null;
  change: string;
  ip?: string;
}

/**
 * Security events as structured log lines (JSON on stdout through pino), one object per event with
 * `category: "security"` and a stable `event` name, so a shipper (journald + vector, fluent-bit,
 * …) can send them to a system the application's own operators cannot edit (docs/audit.md).
 * Passwords, tokens and codes never go in.
 */
@Injectable()
export class SecurityEventLogService {
  private readonly logger = new Logger('SecurityEvent');

  signInFailed(failure: SignInFailure): void {
    this.write(SecurityEvent.signInFailed, { ...failure });
  }

  requestRefused(refusal: RequestRefusal): void {
    this.write(SecurityEvent.requestRefused, { ...refusal });
  }

  mfaChanged(change: MfaChange): void {
    this.write(SecurityEvent.mfaChanged, { ...change });
  }

  private write(event: SecurityEvent, fields: Record<string, unknown>): void {
    // warn: still written at LOG_LEVEL=warn, the level production installations tend to run at.
    this.logger.warn({ category: 'security', event, ...fields }, event);
  }
}
