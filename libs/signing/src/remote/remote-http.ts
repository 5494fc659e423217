import { SigningError } from '../errors/signing-error';
import { HttpFetch, RemoteProviderSettings } from './remote-signing-client';

const DEFAULT_TIMEOUT_MS = 15_000;

/** A JSON POST to the provider: a network failure, a timeout, a non-JSON or non-object answer are REMOTE_PROVIDER_FAILED. */
export async function postJson(
  settings: RemoteProviderSettings,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const call: HttpFetch = settings.fetch ?? ((url, init) => fetch(url, init));
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/${path}`;
  let status: number;
  let text: string;
  try {
    const response = await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw new SigningError('REMOTE_PROVIDER_UNREACHABLE', `The remote signing provider did not answer ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SigningError('REMOTE_PROVIDER_FAILED', `The remote signing provider answered ${path} with HTTP ${status} and no JSON`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new SigningError('REMOTE_PROVIDER_FAILED', `The remote signing provider answered ${path} with HTTP ${status} and no JSON object`);
  }
  return { status, json: json as Record<string, unknown> };
}

export function garbage(what: string): SigningError {
  return new SigningError('REMOTE_PROVIDER_FAILED', `The remote signing provider's answer is not understood: ${what}`);
}

export function stringField(object: unknown, key: string, what: string): string {
  const value = (object as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string' || value.length === 0) throw garbage(`${what}.${key} missing`);
  return value;
}

/** Base64 (standard or URL-safe) → bytes; anything else is garbage. */
export function base64Field(object: unknown, key: string, what: string): Buffer {
  const value = stringField(object, key, what).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) throw garbage(`${what}.${key} is not base64`);
  return Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
}
