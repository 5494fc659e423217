import type { StoredFile } from '@eoffice/core';
import type { StoredFileDto } from './dto/stored-file.dto';

export function toFileDto(file: StoredFile): StoredFileDto {
  return {
    id: file.id,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    mimeType: file.mimeType,
    originalName: file.originalName,
    createdAt: file.createdAt,
  };
}
