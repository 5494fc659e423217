import { AppError } from '@eoffice/core';
import { SigningError } from '@eoffice/signing';
import { certificateAppError, withCertificateErrors } from './certificate-errors';

describe('signing-library refusals as API answers', () => {
  it('turns certificate problems into 400s with a Vietnamese message and the detail in parentheses', () => {
    const answer = certificateAppError(new SigningError('CERTIFICATE_EXPIRED', 'The signer certificate expired on 2026-01-01'));
    expect(answer).toBeInstanceOf(AppError);
    expect(answer).toMatchObject({ status: 400, code: 'CERTIFICATE_EXPIRED', message: 'Chứng thư số đã hết hạn (The signer certificate expired on 2026-01-01)' });
    expect(certificateAppError(new SigningError('PKCS12_WRONG_PASSPHRASE', 'x'))).toMatchObject({ status: 400, code: 'PKCS12_WRONG_PASSPHRASE' });
  });

  it('blames the installation, not the caller, for an unreadable CRL or a key that no longer opens', () => {
    expect(certificateAppError(new SigningError('CRL_INVALID', 'x'))).toMatchObject({ status: 503, code: 'TRUST_STORE_UNAVAILABLE' });
    expect(certificateAppError(new SigningError('KEY_DECRYPTION_FAILED', 'x'))).toMatchObject({ status: 409, code: 'CERTIFICATE_KEY_UNAVAILABLE' });
  });

  it('leaves other errors as they are', () => {
    const pdf = new SigningError('PDF_MALFORMED', 'x');
    const plain = new Error('boom');
    expect(certificateAppError(pdf)).toBe(pdf);
    expect(certificateAppError(plain)).toBe(plain);
    expect(() => withCertificateErrors(() => { throw plain; })).toThrow(plain);
    expect(withCertificateErrors(() => 42)).toBe(42);
  });
});
