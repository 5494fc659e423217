import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, FileService, MediaType } from '@eoffice/core';
import {
  applyLeaderSignature, completeDeferredSignature, DeferredSignatureResponse, prepareDeferredSignature, prepareDraft, UpdatedPdf,
} from '@eoffice/signing';
import { draftLayoutOf } from './draft-layout';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { assertOutgoingTransition } from './outgoing-lifecycle';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { OutgoingRepository } from './outgoing.repository';
import { SigningCertificateService } from '../certificates/signing-certificate.service';
import { withSigningErrors } from './signing-errors';
import { SigningSessionRepository } from './signing-session.repository';

/** How long a prepared deferred signature waits for the leader's token. */
const SESSION_MINUTES = 15;

export interface PreparedSignatureRequest {
  sessionId: string;
  /** Base64 SHA-256 of the signed attributes: what a token that signs a pre-computed hash signs. */
  digest: string;
  digestAlgorithm: 'SHA-256';
  /** Base64 DER signed attributes, for tokens that hash the data themselves. */
  signedAttributes: string;
  expiresAt: Date;
}

/**
 * Chữ ký số của người có thẩm quyền (signature 1): with the leader's stored key, or deferred to
 * the leader's USB token (prepare → the token signs → complete). Only the designated signer signs,
 * only an approved draft, and the fields the clerk fills later are added just before signing.
 */
@Injectable()
export class OutgoingSigningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly documents: OutgoingRepository,
    private readonly versions: OutgoingVersionRepository,
    private readonly sessions: SigningSessionRepository,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  sign(actor: Actor, id: string, certificateId?: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'sign', null, async ({ document, manager }) => {
      this.access.requireSigner(actor, document);
      const signer = await this.keyring.personalSigner(actor, certificateId);
      const draft = await this.preparedDraft(document, manager);
      const trust = await this.keyring.trustOptions();
      const signed = await withSigningErrors(() =>
        applyLeaderSignature(draft, { credentials: signer.credentials, signatureImage: signer.image, signerName: actor.fullName, trust }),
      );
      return this.signedResult(manager, actor, document, signed, signer.credentials.certificate, { certificateId: signer.certificate.id });
    });
  }

  async prepare(actor: Actor, id: string, certificate: string, signatureImage?: Buffer): Promise<PreparedSignatureRequest> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.documents.findForUpdate(manager, id, await this.access.scopeFor(actor));
      if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
      assertOutgoingTransition(document.status, 'sign');
      this.access.requireSigner(actor, document);
      const summary = await this.keyring.checkPresentedCertificate(certificate);
      const image = this.requireImage(signatureImage ?? (await this.keyring.signatureImageOf(actor.id)));
      const draft = await this.preparedDraft(document, manager);
      const trust = await this.keyring.trustOptions();
      const prepared = await withSigningErrors(() =>
        prepareDeferredSignature(draft, { certificate, signatureImage: image, signerName: actor.fullName, trust }),
      );
      const file = await this.files.recordBytes(prepared.preparedPdf.parts(), { mimeType: MediaType.pdf, originalName: null }, actor.id, manager);
      const expiresAt = new Date(Date.now() + SESSION_MINUTES * 60_000);
      const session = await this.sessions.insert(manager, { documentId: id, signerId: actor.id, preparedFileId: file.id, state: prepared.state, expiresAt });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'outgoing.sign_prepared',
        entityType: 'outgoing_document',
        entityId: id,
        data: { sessionId: session.id, certificate: summary.sha256Fingerprint },
      });
      return {
        sessionId: session.id,
        digest: prepared.digestToSign.toString('base64'),
        digestAlgorithm: 'SHA-256',
        signedAttributes: prepared.signedAttributes.toString('base64'),
        expiresAt,
      };
    });
  }

  complete(actor: Actor, id: string, sessionId: string, response: DeferredSignatureResponse): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'sign', null, async ({ document, manager }) => {
      this.access.requireSigner(actor, document);
      const session = await this.sessions.findOpenForUpdate(manager, sessionId, id, actor.id);
      if (!session) throw new AppError(400, 'SIGNING_SESSION_INVALID', 'Phiên ký không tồn tại hoặc đã dùng (no open signing session)');
      if (session.expiresAt.getTime() < Date.now()) {
        throw new AppError(400, 'SIGNING_SESSION_EXPIRED', 'Phiên ký đã hết hạn, hãy chuẩn bị lại (the signing session expired)');
      }
      const prepared = await this.files.readBytes(session.preparedFileId);
      const signed = await withSigningErrors(() => completeDeferredSignature(prepared, session.state, response));
      await this.sessions.markCompleted(manager, session.id);
      const certificate = Buffer.from(session.state.certificates[0], 'base64');
      return this.signedResult(manager, actor, document, signed, certificate, { sessionId });
    });
  }

  /** The approved version's PDF with the signature field and the number/date fields added. */
  private async preparedDraft(document: OutgoingDocument, manager: EntityManager): Promise<UpdatedPdf> {
    const version = document.currentVersionId ? await this.versions.findById(document.currentVersionId, manager) : null;
    if (!version?.pdfFileId) throw new AppError(409, 'DRAFT_NOT_READY', 'Dự thảo chưa có bản PDF (the draft has no PDF)');
    const pdf = await this.files.readBytes(version.pdfFileId);
    return withSigningErrors(() => prepareDraft(pdf, draftLayoutOf(document.layout)));
  }

  private requireImage(image: Buffer | null): Buffer {
    if (!image) {
      throw new AppError(400, 'SIGNATURE_IMAGE_MISSING', 'Chưa có ảnh chữ ký của người ký (no signature image: upload one with the certificate)');
    }
    return image;
  }

  private async signedResult(
    manager: EntityManager,
    actor: Actor,
    document: OutgoingDocument,
    signed: UpdatedPdf,
    certificate: Buffer,
    data: Record<string, unknown>,
  ) {
    const file = await this.files.recordBytes(signed.parts(), { mimeType: MediaType.pdf, originalName: `${document.id}-signed.pdf` }, actor.id, manager);
    const signerCertificateSha256 = createHash('sha256').update(certificate).digest('hex');
    return {
      changes: { signedFileId: file.id, signedAt: new Date(), signerCertificateSha256 },
      data: { ...data, sha256: file.sha256, signerCertificateSha256 },
    };
  }
}
