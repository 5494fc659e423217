import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, FileService, MediaType, StoredFile } from '@eoffice/core';
import { prepareDraft, UpdatedPdf } from '@eoffice/signing';
import { draftLayoutOf } from './draft-layout';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { isPluginSession, SigningSession, SigningSessionState } from './entities/signing-session.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { assertOutgoingTransition } from './outgoing-lifecycle';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { OutgoingRepository } from './outgoing.repository';
import type { OutgoingScope } from './outgoing-scope';
import { withSigningErrors } from './signing-errors';
import { SigningSessionRepository } from './signing-session.repository';

/** How long a prepared signature waits for the leader's computer. */
const SESSION_MINUTES = 15;

/**
 * The steps the three ways of making signature 1 share (stored key, USB token, signing plugin):
 * the draft as it is signed, the sessions that wait for the leader's computer, the signed result.
 */
@Injectable()
export class LeaderSignatureSteps {
  constructor(
    private readonly access: OutgoingAccess,
    private readonly documents: OutgoingRepository,
    private readonly versions: OutgoingVersionRepository,
    private readonly sessions: SigningSessionRepository,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  /** The document, locked, if it is approved and the actor is its designated signer; the scope is read before the transaction. */
  async lockForSigning(manager: EntityManager, actor: Actor, id: string, scope: OutgoingScope): Promise<OutgoingDocument> {
    const document = await this.documents.findForUpdate(manager, id, scope);
    if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
    assertOutgoingTransition(document.status, 'sign');
    this.access.requireSigner(actor, document);
    return document;
  }

  /** The approved version's PDF with the signature field and the number/date fields added. */
  async preparedDraft(document: OutgoingDocument, manager: EntityManager): Promise<UpdatedPdf> {
    const version = document.currentVersionId ? await this.versions.findById(document.currentVersionId, manager) : null;
    if (!version?.pdfFileId) throw new AppError(409, 'DRAFT_NOT_READY', 'Dự thảo chưa có bản PDF (the draft has no PDF)');
    const pdf = await this.files.readBytes(version.pdfFileId, manager);
    return withSigningErrors(() => prepareDraft(pdf, draftLayoutOf(document.layout)));
  }

  /** Keeps the PDF sent to the leader's computer and what `complete` will check, with its audit entry. */
  async openSession(
    manager: EntityManager,
    actor: Actor,
    document: OutgoingDocument,
    sent: UpdatedPdf,
    state: SigningSessionState,
    audited: Record<string, unknown>,
    remote?: { providerId: string; timeoutSeconds: number },
  ) {
    const file = await this.files.recordBytes(sent.parts(), { mimeType: MediaType.pdf, originalName: `${document.id}-to-sign.pdf` }, actor.id, manager);
    const expiresAt = new Date(Date.now() + (remote ? remote.timeoutSeconds * 1000 : SESSION_MINUTES * 60_000));
    const session = await this.sessions.insert(manager, {
      documentId: document.id, signerId: actor.id, preparedFileId: file.id, state, expiresAt,
      ...(remote ? { providerId: remote.providerId, remoteStatus: 'sending' as const } : {}),
    });
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'outgoing.sign_prepared',
      entityType: 'outgoing_document',
      entityId: document.id,
      data: { sessionId: session.id, ...audited },
    });
    return session;
  }

  /** The actor's open, unexpired session of this document, locked so that it completes once. */
  async takeSession(manager: EntityManager, sessionId: string, documentId: string, actor: Actor, mode: 'token' | 'plugin'): Promise<SigningSession> {
    const session = await this.sessions.findOpenForUpdate(manager, sessionId, documentId, actor.id);
    // A remote session completes only from its provider's answer (OutgoingRemoteSigningService).
    if (!session || session.providerId || (isPluginSession(session.state) ? 'plugin' : 'token') !== mode) {
      throw new AppError(400, 'SIGNING_SESSION_INVALID', 'Phiên ký không tồn tại hoặc đã dùng (no open signing session)');
    }
    if (session.expiresAt.getTime() < Date.now()) {
      throw new AppError(400, 'SIGNING_SESSION_EXPIRED', 'Phiên ký đã hết hạn, hãy chuẩn bị lại (the signing session expired)');
    }
    await this.sessions.markCompleted(manager, session.id);
    return session;
  }

  /** The audit entry of a remote signature that ended without signing (rejected, expired, failed); a signed one goes through the workflow. */
  async recordRemoteOutcome(manager: EntityManager, session: SigningSession, outcome: { status: string; code: string; message: string }): Promise<void> {
    await this.audit.record(manager, {
      actorId: null,
      action: `outgoing.remote_sign_${outcome.status}`,
      entityType: 'outgoing_document',
      entityId: session.documentId,
      data: { sessionId: session.id, transactionId: session.transactionId, code: outcome.code, message: outcome.message },
    });
  }

  /** The actor's session of this document, open or not, to read what was sent. */
  async sessionOf(sessionId: string, documentId: string, actor: Actor): Promise<SigningSession> {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.documentId !== documentId || session.signerId !== actor.id) throw AppError.notFound('phiên ký (signing session)');
    return session;
  }

  /** The workflow step's result: the signed file and the certificate that signed it. */
  signedResult(file: StoredFile, signerCertificateSha256: string, data: Record<string, unknown>) {
    return {
      changes: { signedFileId: file.id, signedAt: new Date(), signerCertificateSha256 },
      data: { ...data, sha256: file.sha256, signerCertificateSha256 },
    };
  }
}
