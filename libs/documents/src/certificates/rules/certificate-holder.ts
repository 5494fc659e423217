import { AppError } from '@eoffice/core';

/**
 * A name as certificate authorities write it may differ from the directory's in diacritics, case
 * and spacing only ("NGUYEN VAN DUC" for "Nguyễn Văn Đức"); everything else must be the same.
 */
export function foldPersonName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A personal certificate is the person's only if its common name is their full name. */
export function assertCertificateHolder(commonName: string | undefined, fullName: string): void {
  if (commonName && foldPersonName(commonName) === foldPersonName(fullName)) return;
  throw new AppError(
    400,
    'CERTIFICATE_HOLDER_MISMATCH',
    `Chứng thư số cấp cho "${commonName ?? '(không tên)'}", không phải "${fullName}" (the certificate is issued to someone else)`,
  );
}
