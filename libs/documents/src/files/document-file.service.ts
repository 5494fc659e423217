import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, FileService, ReceivedFile, StoredFile } from '@eoffice/core';
import { IncomingAccess } from '../incoming/incoming-access.service';
import { IncomingRepository } from '../incoming/incoming.repository';
import { OutgoingAccess } from '../outgoing/outgoing-access.service';
import { OutgoingRepository } from '../outgoing/outgoing.repository';

/**
 * Who may read a stored file: whoever may see a document it belongs to, the person who uploaded
 * it, and administrators (for fixity and recovery work).
 */
@Injectable()
export class DocumentFileService {
  constructor(
    private readonly files: FileService,
    private readonly incomingAccess: IncomingAccess,
    private readonly incoming: IncomingRepository,
    private readonly outgoingAccess: OutgoingAccess,
    private readonly outgoing: OutgoingRepository,
  ) {}

  upload(actor: Actor, received: ReceivedFile): Promise<StoredFile> {
    return this.files.recordUpload(received, actor.id);
  }

  async openForReading(actor: Actor, fileId: string): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.files.get(fileId).catch(() => null);
    // A file the person may not see is reported as absent, so ids cannot be probed.
    if (!file || !(await this.maySee(actor, file))) throw AppError.notFound('tệp (file)');
    return { file, stream: await this.files.open(file) };
  }

  private async maySee(actor: Actor, file: StoredFile): Promise<boolean> {
    if (file.uploadedBy === actor.id || hasRole(actor, Role.admin)) return true;
    return (
      (await this.incoming.visibleWithFile(file.id, await this.incomingAccess.scopeFor(actor))) ||
      this.outgoing.visibleWithFile(file.id, await this.outgoingAccess.scopeFor(actor))
    );
  }
}
