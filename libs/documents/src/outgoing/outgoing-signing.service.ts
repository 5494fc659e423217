import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, FileService, MediaType } from '@eoffice/core';
import { DeferredSignatureResponse, DeferredSigningState, storedKeyProvider, tokenProvider } from '@eoffice/signing';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { LeaderSignatureSteps } from './leader-signature-steps';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { assertCertificateHolder, SigningCertificateService } from '../certificates';
import { withSigningErrors } from './signing-errors';
import { LongTermSigningService } from './long-term/long-term-signing.service';
import type { SigningAuthorityKind } from './signing-authority';
import { SigningAuthorityService } from './signing-authority.service';
import { SigningSessionRepository } from './signing-session.repository';

export interface PreparedSignatureRequest {
  sessionId: string;
  /** Base64 SHA-256 of the signed attributes: what a token that signs a pre-computed hash signs. */
  digest: string;
  digestAlgorithm: 'SHA-256';
  /** Base64 DER signed attributes, for tokens that hash the data themselves. */
  signedAttributes: string;
  expiresAt: Date;
}

/** A signature made within a batch (ký hàng loạt): the batch's id goes into the audit entry, and its item is marked in the same transaction. */
export interface BatchMark {
  batchId: string;
  mark(manager: EntityManager): Promise<void>;
}

const sha256Hex = (der: Buffer): string => createHash('sha256').update(der).digest('hex');

/**
 * Chữ ký số của người có thẩm quyền (signature 1): with the leader's stored key, or deferred to
 * the leader's USB token (prepare → the token signs → complete), each through its SignatureProvider. Only the designated signer signs,
 * only an approved draft, and the fields the clerk fills later are added just before signing.
 * A whole-PDF signing plugin is the third way (OutgoingPluginSigningService), a remote
 * signing service the fourth (OutgoingRemoteSigningService).
 */
@Injectable()
export class OutgoingSigningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly steps: LeaderSignatureSteps,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly longTerm: LongTermSigningService,
    private readonly authority: SigningAuthorityService,
    private readonly sessions: SigningSessionRepository,
  ) {}

  /** `requested`: KT./TL./TUQ. asked for (derived when absent); `batch`: the batch this signature belongs to. */
  sign(actor: Actor, id: string, certificateId?: string, { requested, batch }: { requested?: SigningAuthorityKind; batch?: BatchMark } = {}): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'sign', null, async ({ document, manager }) => {
      this.access.requireSigner(actor, document);
      const authority = await this.authority.resolve(manager, actor, document, requested);
      const signer = await this.keyring.personalSigner(actor, certificateId, manager);
      const draft = await this.steps.preparedDraft(document, manager);
      const trust = await this.keyring.trustOptions();
      const begun = await withSigningErrors(() =>
        storedKeyProvider(signer.credentials).begin(draft, { signatureImage: signer.image, signerName: actor.fullName, titleLines: authority.lines, trust }),
      );
      if (!begun.done) throw new Error('a stored key signs at once');
      const signed = await this.longTerm.stampSignature(begun.pdf);
      const file = await this.files.recordBytes(signed.parts(), { mimeType: MediaType.pdf, originalName: `${document.id}-signed.pdf` }, actor.id, manager);
      await batch?.mark(manager);
      const result = this.steps.signedResult(file, sha256Hex(signer.credentials.certificate), { certificateId: signer.certificate.id, ...(batch ? { batchId: batch.batchId } : {}) });
      return this.authority.recorded(result, authority);
    });
  }

  async prepare(actor: Actor, id: string, certificate: string, signatureImage?: Buffer, requested?: SigningAuthorityKind): Promise<PreparedSignatureRequest> {
    const scope = await this.access.scopeFor(actor);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockForSigning(manager, actor, id, scope);
      const authority = await this.authority.resolve(manager, actor, document, requested);
      const summary = await this.keyring.checkPresentedCertificate(certificate);
      assertCertificateHolder(summary.commonName, actor.fullName);
      const image = this.requireImage(signatureImage ?? (await this.keyring.signatureImageOf(actor.id, manager)));
      const draft = await this.steps.preparedDraft(document, manager);
      const trust = await this.keyring.trustOptions();
      const prepared = await withSigningErrors(() =>
        tokenProvider(certificate).begin(draft, { signatureImage: image, signerName: actor.fullName, titleLines: authority.lines, trust }),
      );
      if (prepared.done || !prepared.digestToSign || !prepared.signedAttributes) throw new Error('a token signature waits for the token');
      const session = await this.steps.openSession(manager, actor, document, prepared.sent, prepared.state, { certificate: summary.sha256Fingerprint, signingAuthority: authority.kind });
      await this.sessions.setSigningAuthority(manager, session.id, authority.kind);
      return {
        sessionId: session.id,
        digest: prepared.digestToSign.toString('base64'),
        digestAlgorithm: 'SHA-256',
        signedAttributes: prepared.signedAttributes.toString('base64'),
        expiresAt: session.expiresAt,
      };
    });
  }

  complete(actor: Actor, id: string, sessionId: string, response: DeferredSignatureResponse): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'sign', null, async ({ document, manager }) => {
      this.access.requireSigner(actor, document);
      const session = await this.steps.takeSession(manager, sessionId, id, actor, 'token');
      // What was drawn at prepare time, checked again now: a delegation may have ended meanwhile.
      const authority = await this.authority.resolve(manager, actor, document, session.signingAuthority);
      const state = session.state as DeferredSigningState;
      const prepared = await this.files.readBytes(session.preparedFileId, manager);
      const signed = await this.longTerm.stampSignature(
        await withSigningErrors(() => tokenProvider(Buffer.from(state.certificates[0], 'base64')).complete(prepared, state, response)),
      );
      const file = await this.files.recordBytes(signed.parts(), { mimeType: MediaType.pdf, originalName: `${document.id}-signed.pdf` }, actor.id, manager);
      return this.authority.recorded(this.steps.signedResult(file, sha256Hex(Buffer.from(state.certificates[0], 'base64')), { sessionId }), authority);
    });
  }

  private requireImage(image: Buffer | null): Buffer {
    if (!image) {
      throw new AppError(400, 'SIGNATURE_IMAGE_MISSING', 'Chưa có ảnh chữ ký của người ký (no signature image: upload one with the certificate)');
    }
    return image;
  }
}
