import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, FileService, ReceivedFile, StoredFile } from '@eoffice/core';
import { FIELD_NAMES, pluginProvider } from '@eoffice/signing';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { LeaderSignatureSteps } from './leader-signature-steps';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { assertCertificateHolder, SigningCertificateService } from '../certificates';
import { withSigningErrors } from './signing-errors';
import { SigningAuthorityService } from './signing-authority.service';

export interface PluginSigningSession {
  sessionId: string;
  /** Where the plugin downloads the PDF to sign (exactly these bytes must begin the upload). */
  pdfPath: string;
  expiresAt: Date;
}

/**
 * Signature 1 made by a signing plugin on the leader's computer that signs a whole PDF (as the
 * national CA's plugins do): the server prepares the draft and keeps it; the plugin downloads it,
 * appends its signature and uploads the result, which is accepted only if it begins with exactly
 * the bytes sent, every signature verifies, a new trusted signature in the leader's field covers
 * the whole file, and the plugin changed nothing but that signature.
 */
@Injectable()
export class OutgoingPluginSigningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly steps: LeaderSignatureSteps,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly authority: SigningAuthorityService,
  ) {}

  async open(actor: Actor, id: string): Promise<PluginSigningSession> {
    const scope = await this.access.scopeFor(actor);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockForSigning(manager, actor, id, scope);
      const draft = await this.steps.preparedDraft(document, manager);
      const session = await this.steps.openSession(manager, actor, document, draft, { mode: 'plugin' }, { mode: 'plugin' });
      return { sessionId: session.id, pdfPath: `/api/v1/outgoing/${id}/sign/plugin/${session.id}/pdf`, expiresAt: session.expiresAt };
    });
  }

  /** The PDF sent for signing, to its signer only. */
  async sentPdf(actor: Actor, id: string, sessionId: string): Promise<{ file: StoredFile; stream: Readable }> {
    const session = await this.steps.sessionOf(sessionId, id, actor);
    const file = await this.files.get(session.preparedFileId);
    return { file, stream: await this.files.open(file) };
  }

  complete(actor: Actor, id: string, sessionId: string, upload: ReceivedFile): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'sign', null, async ({ document, manager }) => {
      this.access.requireSigner(actor, document);
      const session = await this.steps.takeSession(manager, sessionId, id, actor, 'plugin');
      // The plugin draws its own appearance; the authority is still recorded (document, register).
      const authority = await this.authority.resolve(manager, actor, document);
      const [sentPdf, uploadedPdf] = await Promise.all([this.files.readBytes(session.preparedFileId, manager), this.files.readBytes(upload)]);
      const trust = await this.keyring.trustOptions();
      const report = await withSigningErrors(() =>
        pluginProvider(trust, FIELD_NAMES.leaderSignature).complete(sentPdf, { mode: 'plugin' }, uploadedPdf),
      );
      const certificate = report.signatures.find((s) => s.coversWholeDocument && s.fieldName === FIELD_NAMES.leaderSignature)?.signerCertificate;
      if (!certificate) throw new AppError(400, 'SIGNATURE_INVALID', 'Tệp tải lên không có chữ ký của người ký (no signer certificate in the new signature)');
      assertCertificateHolder(certificate.commonName, actor.fullName);
      const file = await this.files.record(upload, actor.id, manager);
      return this.authority.recorded(this.steps.signedResult(file, certificate.sha256Fingerprint, { sessionId, mode: 'plugin' }), authority);
    });
  }
}
