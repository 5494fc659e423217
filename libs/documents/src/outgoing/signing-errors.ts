import { isSigningError } from '@eoffice/signing';
import { AppError } from '@eoffice/core';

/** Wrong arguments are the caller's request; every other signing failure is about the PDF or the certificate. */
const BAD_REQUEST = new Set(['INVALID_ARGUMENT', 'DEFERRED_STATE_MISMATCH', 'SIGNATURE_MISMATCH', 'SIGNATURE_INVALID', 'PKCS12_INVALID', 'IMAGE_INVALID']);

/**
 * Runs a libs/signing call and turns its SigningError (a stable code) into the API's 4xx answer
 * with the same code; anything else is a real fault and propagates as it is.
 */
export async function withSigningErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isSigningError(error)) throw error;
    throw new AppError(BAD_REQUEST.has(error.code) ? 400 : 422, error.code, error.message);
  }
}
