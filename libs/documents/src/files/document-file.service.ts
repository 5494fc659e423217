import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, FileService, ReceivedFile, StoredFile } from '@eoffice/core';

/**
 * Who may read a stored file. For now: the person who uploaded it and administrators.
 * Files attached to documents will follow the document's access rules (incoming/outgoing issues).
 */
@Injectable()
export class DocumentFileService {
  constructor(private readonly files: FileService) {}

  upload(actor: Actor, received: ReceivedFile): Promise<StoredFile> {
    return this.files.recordUpload(received, actor.id);
  }

  async openForReading(actor: Actor, fileId: string): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.files.get(fileId).catch(() => null);
    // A file the person may not see is reported as absent, so ids cannot be probed.
    if (!file || (file.uploadedBy !== actor.id && !hasRole(actor, Role.admin))) throw AppError.notFound('tệp (file)');
    return { file, stream: await this.files.open(file) };
  }
}
