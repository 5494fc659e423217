import { Injectable } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { AppError, JobName, JobOutbox } from '@eoffice/core';
import { remoteProvider, remoteSigningClient } from '@eoffice/signing';
import { assertCertificateHolder, SigningCertificateService } from '../../certificates';
import { LeaderSignatureSteps } from '../leader-signature-steps';
import { OutgoingAccess } from '../outgoing-access.service';
import type { SigningAuthorityKind } from '../signing-authority';
import { SigningAuthorityService } from '../signing-authority.service';
import { withSigningErrors } from '../signing-errors';
import { SigningSessionRepository } from '../signing-session.repository';
import { withRemoteErrors } from './remote-errors';
import { RemoteSigningConfigService } from './remote-signing-config.service';
import { documentRefOf, remoteSigningView, RemoteSigningView } from './remote-signing-view';

/**
 * Ký số từ xa (signature 1 by a remote signing service): the leader asks, the server takes the
 * certificate from the agency's provider, prepares the revision as for a USB token, and sends only
 * the hash of the signed attributes with a document reference the leader sees on the phone. The
 * request goes out inside the transaction that records the session, so a session always has its
 * transaction id and a failed request leaves nothing behind (the draft stays approved). The worker
 * then polls (RemoteSigningPoller) and a provider's callback hurries it.
 */
@Injectable()
export class OutgoingRemoteSigningService {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly access: OutgoingAccess,
    private readonly steps: LeaderSignatureSteps,
    private readonly keyring: SigningCertificateService,
    private readonly sessions: SigningSessionRepository,
    private readonly config: RemoteSigningConfigService,
    private readonly authority: SigningAuthorityService,
  ) {}

  /**
   * `requested`: KT./TL./TUQ./TM./Q. asked for (derived when absent), drawn into the revision sent
   * and checked again when the provider's signature arrives; `batchId`: asked as part of a batch
   * (ký hàng loạt) whose provider signs one document per transaction.
   */
  async start(actor: Actor, id: string, { signatureImage, batchId, requested }: { signatureImage?: Buffer; batchId?: string; requested?: SigningAuthorityKind } = {}): Promise<RemoteSigningView> {
    const scope = await this.access.scopeFor(actor);
    const setup = await this.config.setupOf(actor);
    const client = remoteSigningClient(setup.settings);
    const remote = await withRemoteErrors(() => client.certificate(setup.account.credentialId));
    // The provider's certificate is checked like any other: chain to the trust anchors, dates, usage, CRLs, holder's name.
    const summary = await this.keyring.checkPresentedCertificate(remote.certificate.toString('base64'), remote.chain);
    assertCertificateHolder(summary.commonName, actor.fullName);
    const session = await this.outbox.transaction(async (manager) => {
      const document = await this.steps.lockForSigning(manager, actor, id, scope);
      if (await this.sessions.openRemoteOf(manager, id).then((s) => s && s.expiresAt.getTime() > Date.now())) {
        throw AppError.conflict('REMOTE_SIGNING_PENDING', 'Văn bản đang chờ xác nhận ký trên điện thoại (a remote signature is already waiting)');
      }
      const authority = await this.authority.resolve(manager, actor, document, requested);
      const image = signatureImage ?? (await this.keyring.signatureImageOf(actor.id, manager));
      if (!image) throw new AppError(400, 'SIGNATURE_IMAGE_MISSING', 'Chưa có ảnh chữ ký của người ký (no signature image: upload one with the certificate)');
      const draft = await this.steps.preparedDraft(document, manager);
      const trust = await this.keyring.trustOptions();
      const provider = remoteProvider(client, {
        credentialId: setup.account.credentialId,
        certificate: remote.certificate,
        chain: remote.chain,
        documentId: documentRefOf(document.id),
        description: `Ký văn bản: ${document.subject}`,
      });
      const begun = await withRemoteErrors(() => withSigningErrors(() => provider.begin(draft, { signatureImage: image, signerName: actor.fullName, titleLines: authority.lines, trust })));
      if (begun.done) throw new Error('a remote signature is never made at once');
      const opened = await this.steps.openSession(
        manager, actor, document, begun.sent, begun.state,
        {
          mode: 'remote', protocol: setup.provider.protocol, transactionId: begun.state.transaction.transactionId, certificate: summary.sha256Fingerprint,
          signingAuthority: authority.kind, ...(batchId ? { batchId } : {}),
        },
        { providerId: setup.provider.id, timeoutSeconds: setup.provider.timeoutSeconds },
      );
      const pending = { ...opened, transactionId: begun.state.transaction.transactionId, remoteStatus: 'pending' as const };
      await this.sessions.update(manager, opened.id, { transactionId: pending.transactionId, remoteStatus: 'pending', signingAuthority: authority.kind });
      await this.outbox.add(manager, JobName.outgoingRemoteSignPoll, { sessionId: opened.id, poll: 1 }, { delay: setup.provider.pollSeconds * 1000 });
      return pending;
    });
    return remoteSigningView(session);
  }

  /** The newest remote signature of a document the actor may see (null: none). */
  async stateOf(documentId: string): Promise<RemoteSigningView | null> {
    const session = await this.sessions.latestRemoteOf(documentId);
    return session ? remoteSigningView(session) : null;
  }
}
