import { SigningError } from '../errors/signing-error';
import { buildTimestampRequest, readTimestampToken, TimestampToken, tokenOfResponse } from './timestamp-token';

/** How the library reaches a TSA or an OCSP responder: a binary POST (global `fetch` by default). */
export type BinaryPost = (url: string, body: Buffer, contentType: string, timeoutMs: number) => Promise<{ status: number; body: Buffer }>;

export const defaultBinaryPost: BinaryPost = async (url, body, contentType, timeoutMs) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
};

export interface TimestampAuthoritySettings {
  /** RFC 3161 over HTTP (SIGNING_TSA_URL). */
  url: string;
  timeoutMs?: number;
  post?: BinaryPost;
}

/** Asks the TSA to stamp a SHA-256 `imprint` and checks that the answer stamps exactly that. */
export async function requestTimestamp(settings: TimestampAuthoritySettings, imprint: Buffer): Promise<TimestampToken> {
  const request = buildTimestampRequest(imprint);
  const post = settings.post ?? defaultBinaryPost;
  let answer: { status: number; body: Buffer };
  try {
    answer = await post(settings.url, request.der, 'application/timestamp-query', settings.timeoutMs ?? 10_000);
  } catch (error) {
    throw new SigningError('TSA_UNAVAILABLE', `The time-stamping authority did not answer: ${(error as Error).message}`, { cause: error });
  }
  if (answer.status !== 200) throw new SigningError('TSA_FAILED', `The time-stamping authority answered HTTP ${answer.status}`);
  const token = readTimestampToken(tokenOfResponse(answer.body), imprint);
  if (token.nonce && !token.nonce.equals(request.nonce)) token.problems.push('the time-stamp answers another request (nonce)');
  if (!token.intact || token.problems.length > 0) {
    throw new SigningError('TSA_FAILED', `The time-stamp does not verify: ${token.problems.join('; ')}`);
  }
  return token;
}
