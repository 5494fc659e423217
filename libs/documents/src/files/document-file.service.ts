import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, FileService, ReceivedFile, StoredFile } from '@eoffice/core';
import { IncomingAccess, IncomingRepository } from '../incoming';
import { IntakeRepository } from '../intake';
import { OutgoingAccess, OutgoingRepository } from '../outgoing';
import { ViewRecorder, ViewSource } from '../views';

/**
 * Who may read a stored file: whoever may see a document it belongs to, the person who uploaded
 * it, and administrators (for fixity and recovery work) — except the files of confidential (mật)
 * documents and drafts, which only the people they name may read (need to know, Decree 30 Art. 15).
 * The files of an intake item (văn bản chờ vào sổ: attachments, the .eml, a scan's PDF) are read
 * by the clerks of its agency, who must open them to decide.
 */
@Injectable()
export class DocumentFileService {
  constructor(
    private readonly files: FileService,
    private readonly incomingAccess: IncomingAccess,
    private readonly incoming: IncomingRepository,
    private readonly outgoingAccess: OutgoingAccess,
    private readonly outgoing: OutgoingRepository,
    private readonly viewsRecorder: ViewRecorder,
    private readonly intake: IntakeRepository,
  ) {}

  upload(actor: Actor, received: ReceivedFile): Promise<StoredFile> {
    return this.files.recordUpload(received, actor.id);
  }

  async openForReading(actor: Actor, fileId: string, from?: ViewSource): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.files.find(fileId);
    // A file the person may not see is reported as absent, so ids cannot be probed.
    if (!file || !(await this.maySee(actor, file))) throw AppError.notFound('tệp (file)');
    await this.files.get(file.id); // 410 FILE_DESTROYED once destroyed with its record — told only to those who may see it
    const [stream] = await Promise.all([this.files.open(file), this.viewsRecorder.file(file.id, actor.id, from)]);
    return { file, stream };
  }

  private async maySee(actor: Actor, file: StoredFile): Promise<boolean> {
    if (file.uploadedBy === actor.id) return true;
    if (
      (await this.incoming.visibleWithFile(file.id, await this.incomingAccess.scopeFor(actor))) ||
      (await this.outgoing.visibleWithFile(file.id, await this.outgoingAccess.scopeFor(actor)))
    ) {
      return true;
    }
    if (hasRole(actor, Role.clerk) && (await this.intake.holdsFile(file.id, await this.incomingAccess.agencyIdOf(actor)))) {
      return !(await this.incoming.belongsToConfidential(file.id));
    }
    if (!hasRole(actor, Role.admin)) return false;
    return !(await this.incoming.belongsToConfidential(file.id)) && !(await this.outgoing.belongsToConfidential(file.id));
  }
}
