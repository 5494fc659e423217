import { AppError } from '@eoffice/core';
import { isSigningError, SigningErrorCode } from '@eoffice/signing';

/** What the signing library says about a key file or a certificate, as the API answers it. */
const ANSWERS: Partial<Record<SigningErrorCode, [status: number, code: string, message: string]>> = {
  PKCS12_INVALID: [400, 'PKCS12_INVALID', 'Tệp không phải PKCS#12 (.p12/.pfx) hợp lệ'],
  PKCS12_WRONG_PASSPHRASE: [400, 'PKCS12_WRONG_PASSPHRASE', 'Sai mật khẩu của tệp PKCS#12, hoặc tệp bị hỏng'],
  KEY_UNSUPPORTED: [400, 'PKCS12_INVALID', 'Loại khóa trong tệp PKCS#12 không được hỗ trợ'],
  CERTIFICATE_INVALID: [400, 'CERTIFICATE_INVALID', 'Chứng thư số không đọc được'],
  CERTIFICATE_EXPIRED: [400, 'CERTIFICATE_EXPIRED', 'Chứng thư số đã hết hạn'],
  CERTIFICATE_NOT_YET_VALID: [400, 'CERTIFICATE_NOT_YET_VALID', 'Chứng thư số chưa đến ngày có hiệu lực'],
  CERTIFICATE_KEY_USAGE: [400, 'CERTIFICATE_KEY_USAGE', 'Chứng thư số không được phép dùng để ký số'],
  CERTIFICATE_UNTRUSTED: [400, 'CERTIFICATE_UNTRUSTED', 'Chứng thư số không do tổ chức chứng thực được tin cậy cấp'],
  CERTIFICATE_REVOKED: [400, 'CERTIFICATE_REVOKED', 'Chứng thư số đã bị thu hồi'],
  // Not the caller's doing: the installation's own revocation lists cannot be read.
  CRL_INVALID: [503, 'TRUST_STORE_UNAVAILABLE', 'Danh sách chứng thư bị thu hồi (CRL) đã cấu hình không đọc được'],
  // The stored key does not open with this installation's key-encryption key or row: upload again.
  KEY_DECRYPTION_FAILED: [409, 'CERTIFICATE_KEY_UNAVAILABLE', 'Không mở được khóa bí mật đã lưu; hãy tải lên lại chứng thư số'],
};

/** The library's English detail goes in parentheses; it never contains a passphrase or a key. */
export function certificateAppError(error: unknown): unknown {
  if (!isSigningError(error)) return error;
  const answer = ANSWERS[error.code];
  if (!answer) return error;
  const [status, code, message] = answer;
  return new AppError(status, code, `${message} (${error.message})`);
}

/** Runs `work` and re-throws a signing-library refusal as the API's answer. */
export function withCertificateErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw certificateAppError(error);
  }
}
