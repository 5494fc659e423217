/**
 * Stable error codes: the API layer maps them to HTTP 4xx responses, so a code must never
 * change meaning once released. The message is for humans and may change.
 */
export type SigningErrorCode =
  | 'PDF_ENCRYPTED'
  | 'PDF_MALFORMED'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_UNTRUSTED'
  | 'CERTIFICATE_REVOKED'
  | 'CERTIFICATE_KEY_USAGE'
  | 'CERTIFICATE_INVALID'
  | 'CRL_INVALID'
  | 'SIGNATURE_MISMATCH'
  | 'SIGNATURE_TOO_LARGE'
  | 'SIGNATURE_INVALID'
  | 'PREFIX_MISMATCH'
  | 'DISALLOWED_CHANGES'
  | 'FIELD_MISSING'
  | 'FIELD_ALREADY_SIGNED'
  | 'FIELD_NAME_TAKEN'
  | 'LEADER_SIGNATURE_MISSING'
  | 'DEFERRED_STATE_MISMATCH'
  | 'PKCS12_INVALID'
  | 'PKCS12_WRONG_PASSPHRASE'
  | 'KEY_DECRYPTION_FAILED'
  | 'KEY_UNSUPPORTED'
  | 'IMAGE_INVALID'
  | 'INVALID_ARGUMENT'
  /** A remote signing provider answered garbage or an error. */
  | 'REMOTE_PROVIDER_FAILED'
  /** A remote signing provider did not answer in time (network, timeout). */
  | 'REMOTE_PROVIDER_UNREACHABLE'
  /** A remote signing provider's signature does not verify over the hash it was sent. */
  | 'REMOTE_SIGNATURE_MISMATCH'
  /** The time-stamping authority (SIGNING_TSA_URL) did not answer in time. */
  | 'TSA_UNAVAILABLE'
  /** The time-stamping authority refused, answered garbage or stamped another hash. */
  | 'TSA_FAILED'
  /** The OCSP responder did not answer in time. */
  | 'OCSP_UNAVAILABLE'
  /** The OCSP responder refused, answered garbage or a response whose signature does not verify. */
  | 'OCSP_FAILED';

export class SigningError extends Error {
  override readonly name = 'SigningError';

  constructor(
    readonly code: SigningErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isSigningError(error: unknown, code?: SigningErrorCode): error is SigningError {
  return error instanceof SigningError && (code === undefined || error.code === code);
}
