import { parseAccessClaims, parseMfaClaims } from './token-claims';

const sub = '2f1c6a4e-7d1b-4c55-9a57-1f0d2a3b4c5d';
const fid = '9b2d1e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const exp = Math.floor(Date.now() / 1000) + 600;

describe('token claims', () => {
  it('accepts a complete access token', () => {
    expect(parseAccessClaims({ sub, sv: 0, fid, typ: 'access', exp, iat: exp - 900 })).toEqual({ sub, sv: 0, fid, typ: 'access', exp });
  });

  it.each([
    ['no exp', { sub, sv: 0, fid, typ: 'access' }],
    ['a sub that is not a UUID', { sub: "x' OR 1=1", sv: 0, fid, typ: 'access', exp }],
    ['a numeric sub', { sub: 42, sv: 0, fid, typ: 'access', exp }],
    ['no family', { sub, sv: 0, typ: 'access', exp }],
    ['a session version that is not a count', { sub, sv: '0', fid, typ: 'access', exp }],
    ['an MFA token', { sub, sv: 0, typ: 'mfa', stage: 'verify', exp }],
    ['no type (minted before families)', { sub, sv: 0, exp }],
  ])('refuses an access token with %s', (_what, claims) => {
    expect(parseAccessClaims(claims as Record<string, unknown>)).toBeNull();
  });

  it('keeps MFA tokens and access tokens apart', () => {
    expect(parseMfaClaims({ sub, sv: 1, typ: 'mfa', stage: 'enrol', exp })).toEqual({ sub, sv: 1, typ: 'mfa', stage: 'enrol', exp });
    expect(parseMfaClaims({ sub, sv: 1, fid, typ: 'access', exp })).toBeNull();
    expect(parseMfaClaims({ sub, sv: 1, typ: 'mfa', stage: 'other', exp })).toBeNull();
    expect(parseMfaClaims({ sub, sv: 1, typ: 'mfa', stage: 'verify' })).toBeNull();
  });
});
