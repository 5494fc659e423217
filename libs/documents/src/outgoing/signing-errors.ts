import { AppError } from '@eoffice/core';
import { isSigningError } from '@eoffice/signing';
import { certificateAppError } from '../certificates';

/** Wrong arguments are the caller's request; every other signing failure is about the PDF or the certificate. */
const BAD_REQUEST = new Set(['INVALID_ARGUMENT', 'DEFERRED_STATE_MISMATCH', 'SIGNATURE_MISMATCH', 'SIGNATURE_INVALID', 'IMAGE_INVALID']);

/**
 * A libs/signing refusal (a stable code) as the API's 4xx answer with the same code: certificate
 * and key problems as certificates answer them, PDF problems 422; anything else is a real fault.
 */
export function signingAppError(error: unknown): unknown {
  const certificateAnswer = certificateAppError(error);
  if (certificateAnswer !== error || !isSigningError(error)) return certificateAnswer;
  return new AppError(BAD_REQUEST.has(error.code) ? 400 : 422, error.code, error.message);
}

export async function withSigningErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw signingAppError(error);
  }
}
