// The access token lives in this module's memory only — never localStorage or sessionStorage, where
// any injected script could read it (ASVS V7/V8). The refresh token is an HttpOnly cookie the API sets
// (docs/sign-in.md, "Cookie mode"): reloading the page gets a new access token from it.

/** The header that asks for cookie mode and proves the call comes from this app (CSRF, docs/web.md). */
export const WEB_CLIENT_HEADERS = { 'X-Requested-With': 'eoffice-web' } as const;

let accessToken: string | undefined;
let refreshing: Promise<boolean> | undefined;

export function currentAccessToken(): string | undefined {
  return accessToken;
}

export function setAccessToken(token: string | undefined): void {
  accessToken = token;
}

/**
 * A new access token from the refresh cookie; one request at a time however many calls got a 401
 * together (the API rotates the refresh token on every use). False when there is no session.
 */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...WEB_CLIENT_HEADERS, 'Content-Type': 'application/json' },
        body: '{}',
      });
      if (!res.ok) {
        accessToken = undefined;
        return false;
      }
      accessToken = ((await res.json()) as { accessToken: string }).accessToken;
      return true;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}
