// Sổ văn bản and chứng thư số as the administrator keeps them: the agency's registers (list, open a
// new series) and the signing certificates (list with expiry, store one, stop using one).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components } from './schema';
import { uploadMultipart } from './upload';

export type Register = components['schemas']['RegisterDto'];
export type OpenRegister = components['schemas']['OpenRegisterDto'];
export type Certificate = components['schemas']['CertificateDto'];

/** The API's limits (CERTIFICATE_UPLOAD_LIMITS): checked here before a byte is sent. */
export const CERTIFICATE_LIMITS = { pkcs12Bytes: 64 * 1024, imageBytes: 2 * 1024 * 1024 } as const;

const keys = { registers: ['admin', 'registers'] as const, certificates: ['admin', 'certificates'] as const };

export function useRegisters() {
  return useQuery({ queryKey: keys.registers, queryFn: () => answer(api.GET('/api/v1/registers')) });
}

export function useCertificates(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.certificates, page, pageSize],
    queryFn: () => answer(api.GET('/api/v1/certificates', { params: { query: { page, pageSize } } })),
  });
}

export function useRefreshBooks() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.registers }), queryClient.invalidateQueries({ queryKey: keys.certificates })]);
}

export const openRegister = (body: OpenRegister) => answer(api.POST('/api/v1/registers', { body }));

export const revokeCertificate = (id: string, reason?: string) =>
  answer(api.POST('/api/v1/certificates/{id}/revoke', { params: { path: { id } }, body: { reason } }));

export interface CertificateUpload {
  kind: 'personal' | 'organisation';
  agencyId?: string;
  passphrase: string;
  pkcs12: File;
  image: File;
}

export function uploadCertificate(input: CertificateUpload, onProgress: (percent: number) => void): Promise<Certificate> {
  const form = () => {
    const data = new FormData();
    data.append('kind', input.kind);
    data.append('passphrase', input.passphrase);
    if (input.kind === 'organisation' && input.agencyId) data.append('agencyId', input.agencyId);
    data.append('pkcs12', input.pkcs12, input.pkcs12.name);
    data.append('image', input.image, input.image.name);
    return data;
  };
  return uploadMultipart<Certificate>('/api/v1/certificates', form, onProgress);
}

/** The key file refused in the browser: not .p12/.pfx, empty, or over the API's limit. */
export function pkcs12Problem(file: File): string | undefined {
  if (!/\.(p12|pfx)$/i.test(file.name)) return 'Chỉ nhận tệp chứng thư .p12 hoặc .pfx.';
  if (file.size === 0) return 'Tệp rỗng.';
  if (file.size > CERTIFICATE_LIMITS.pkcs12Bytes) return `Tệp chứng thư lớn hơn ${CERTIFICATE_LIMITS.pkcs12Bytes / 1024} KB.`;
  return undefined;
}

/** The signature or seal image refused in the browser: not a PNG, empty, or over the API's limit. */
export function imageProblem(file: File): string | undefined {
  if (file.type !== 'image/png' && !/\.png$/i.test(file.name)) return 'Chỉ nhận ảnh PNG (nền trong suốt).';
  if (file.size === 0) return 'Tệp rỗng.';
  if (file.size > CERTIFICATE_LIMITS.imageBytes) return `Ảnh lớn hơn ${CERTIFICATE_LIMITS.imageBytes / 1024 / 1024} MB.`;
  return undefined;
}
