import { AppError } from '@eoffice/core';
import type { CertificateInput } from '@eoffice/signing';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const MAX_CERTIFICATE_CHARS = 64 * 1024;

/** Every certificate of a PEM bundle (a trust-anchor file), each as its own PEM block. */
export function splitPemCertificates(text: string): string[] {
  return [...text.matchAll(PEM_CERTIFICATE)].map((match) => match[0]);
}

/**
 * A certificate as a signer's token hands it over: PEM, or its DER in base64 (plain or URL-safe,
 * line breaks allowed). Anything else is refused before any parsing.
 */
export function decodePresentedCertificate(text: string): CertificateInput {
  const invalid = (why: string) => new AppError(400, 'CERTIFICATE_INVALID', `Chứng thư số không hợp lệ: ${why}`);
  if (text.length === 0 || text.length > MAX_CERTIFICATE_CHARS) throw invalid(`cần 1–${MAX_CERTIFICATE_CHARS} ký tự (1–${MAX_CERTIFICATE_CHARS} characters)`);
  const pems = splitPemCertificates(text);
  if (pems.length > 1) throw invalid('chỉ gửi một chứng thư (send one certificate)');
  if (pems.length === 1) return pems[0];
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw invalid('cần PEM hoặc DER mã hoá base64 (expected PEM or base64-encoded DER)');
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
