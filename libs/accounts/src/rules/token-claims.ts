/**
 * The claims our tokens carry, checked field by field after the signature: a token that verifies
 * but lacks `exp`, or whose `sub` is not a UUID, is refused like any invalid token (a 401, never
 * a database error). `typ` keeps the short MFA token from being used as an access token.
 */
export interface AccessClaims {
  sub: string;
  /** Session version: a token minted before a revocation no longer matches the user row. */
  sv: number;
  /** The refresh-token family (one sign-in): revoking it ends its access tokens too. */
  fid: string;
  typ: 'access';
  exp: number;
}

export type MfaStage = 'verify' | 'enrol';

export interface MfaClaims {
  sub: string;
  sv: number;
  typ: 'mfa';
  stage: MfaStage;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isExpiry = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

export function parseAccessClaims(raw: Record<string, unknown>): AccessClaims | null {
  const { sub, sv, fid, typ, exp } = raw;
  if (typ !== 'access' || !isUuid(sub) || !isCount(sv) || !isUuid(fid) || !isExpiry(exp)) return null;
  return { sub, sv, fid, typ, exp };
}

export function parseMfaClaims(raw: Record<string, unknown>): MfaClaims | null {
  const { sub, sv, typ, stage, exp } = raw;
  if (typ !== 'mfa' || !isUuid(sub) || !isCount(sv) || !isExpiry(exp) || (stage !== 'verify' && stage !== 'enrol')) return null;
  return { sub, sv, typ, stage, exp };
}
