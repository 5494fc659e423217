import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, FileService, ReceivedFile, StoredFile } from '@eoffice/core';
import { verifyPdfSignatures, VerificationReport } from '@eoffice/signing';
import { ViewRecorder, ViewSource } from '../views';
import type { Page } from '@eoffice/core';
import type { OutgoingAppendix } from './entities/outgoing-appendix.entity';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingEvent } from './entities/outgoing-event.entity';
import type { OutgoingVersion } from './entities/outgoing-version.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingAppendixRepository } from './outgoing-appendix.repository';
import { OutgoingEventRepository } from './outgoing-event.repository';
import type { OutgoingFilter } from './outgoing-query';
import { OutgoingRecipientRepository, RecipientProgress } from './outgoing-recipient.repository';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { OutgoingRepository } from './outgoing.repository';
import { SigningCertificateService } from '../certificates';
import { withSigningErrors } from './signing-errors';
import { SigningSessionRepository } from './signing-session.repository';
import { remoteSigningView, RemoteSigningView } from './remote/remote-signing-view';

export interface OutgoingDetail {
  document: OutgoingDocument;
  versions: OutgoingVersion[];
  appendices: OutgoingAppendix[];
  recipients: RecipientProgress[];
  timeline: OutgoingEvent[];
  /** The newest remote signature asked for (waiting on the phone since …, or how it ended); null: none. */
  remoteSigning: RemoteSigningView | null;
}

/** Lists, detail, the current PDF and its signatures; every read goes through the same access scope. */
@Injectable()
export class OutgoingQueryService {
  constructor(
    private readonly access: OutgoingAccess,
    private readonly documents: OutgoingRepository,
    private readonly versions: OutgoingVersionRepository,
    private readonly appendices: OutgoingAppendixRepository,
    private readonly recipients: OutgoingRecipientRepository,
    private readonly events: OutgoingEventRepository,
    private readonly files: FileService,
    private readonly keyring: SigningCertificateService,
    private readonly viewsRecorder: ViewRecorder,
    private readonly sessions: SigningSessionRepository,
  ) {}

  async list(actor: Actor, filter: OutgoingFilter): Promise<Page<OutgoingDocument>> {
    return this.documents.list(await this.access.scopeFor(actor), filter);
  }

  /** "Văn bản đi chờ xử lý": drafts to finish, reviews, signatures, numbers and dispatches waiting for me. */
  async waiting(actor: Actor, filter: OutgoingFilter): Promise<Page<OutgoingDocument>> {
    const scope = await this.access.scopeFor(actor);
    return this.documents.list(scope, {
      ...filter,
      waitingFor: { userId: actor.id, managedUnitIds: scope.reviewUnitIds, clerkAgencyIds: hasRole(actor, Role.clerk) ? scope.clerkAgencyIds : [] },
    });
  }

  async detail(actor: Actor, id: string, from?: ViewSource): Promise<OutgoingDetail> {
    // The remote session is read before the document: it turns `signed` in the same transaction that signs the
    // draft, so a reader who sees it signed also sees the draft signed (read after, the two could disagree).
    const remote = await this.sessions.latestRemoteOf(id);
    const document = await this.visible(actor, id);
    // The view is written alongside the reads, before the answer (a kill after it loses nothing).
    const [versions, appendices, recipients, timeline] = await Promise.all([
      this.versions.listOf(id),
      this.appendices.listOf(id),
      this.recipients.progressOf(id),
      this.events.timeline(id),
      this.viewsRecorder.document('outgoing', id, actor.id, 'detail', from),
    ]);
    return { document, versions, appendices, recipients, timeline, remoteSigning: remote ? remoteSigningView(remote) : null };
  }

  /** The document as it stands: issued, else signed, else the current draft's PDF. */
  async currentPdf(actor: Actor, id: string, from?: ViewSource): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.files.get(await this.currentPdfId(await this.visible(actor, id)));
    const [stream] = await Promise.all([this.files.open(file), this.viewsRecorder.document('outgoing', id, actor.id, 'file', from, file.id)]);
    return { file, stream };
  }

  async signatures(actor: Actor, id: string): Promise<VerificationReport> {
    const bytes = await this.files.readBytes(await this.currentPdfId(await this.visible(actor, id)));
    return this.verify(bytes);
  }

  /**
   * POST /signatures/verify: any PDF a user holds, checked against the configured trust anchors.
   * The upload is kept as the person's own file (audited like any upload), never attached to a document.
   */
  async verifyUpload(actor: Actor, upload: ReceivedFile): Promise<VerificationReport> {
    const file = await this.files.recordUpload(upload, actor.id);
    return this.verify(await this.files.readBytes(file));
  }

  private async verify(bytes: Buffer): Promise<VerificationReport> {
    const trust = await this.keyring.trustOptions();
    return withSigningErrors(() => verifyPdfSignatures(bytes, trust));
  }

  /** The document if the actor may see it (404 otherwise), without recording a view: for reads about it, not of it. */
  visibleDocument(actor: Actor, id: string): Promise<OutgoingDocument> {
    return this.visible(actor, id);
  }

  private async visible(actor: Actor, id: string): Promise<OutgoingDocument> {
    const document = await this.documents.findVisible(id, await this.access.scopeFor(actor));
    if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
    return document;
  }

  private async currentPdfId(document: OutgoingDocument): Promise<string> {
    if (document.issuedFileId) return document.issuedFileId;
    if (document.signedFileId) return document.signedFileId;
    const version = document.currentVersionId ? await this.versions.findById(document.currentVersionId) : null;
    if (!version?.pdfFileId) throw new AppError(409, 'DRAFT_NOT_READY', 'Dự thảo chưa có bản PDF (the draft has no PDF yet)');
    return version.pdfFileId;
  }
}
