import type { StoredFile } from '@eoffice/core';

export function toFileDto(file: StoredFile) {
  return {
    id: file.id,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    mimeType: file.mimeType,
    originalName: file.originalName,
    createdAt: file.createdAt,
  };
}
