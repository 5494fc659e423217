import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, JobName, JobOutbox } from '@eoffice/core';
import { RemoteSigningClient, RemoteSigningState, remoteSigningClient, tokenProvider, DeferredSigningState, UpdatedPdf } from '@eoffice/signing';
import { assertCertificateHolder, SigningCertificateService } from '../../certificates';
import type { OutgoingDocument } from '../entities/outgoing-document.entity';
import { LeaderSignatureSteps } from '../leader-signature-steps';
import { OutgoingAccess } from '../outgoing-access.service';
import { withSigningErrors } from '../signing-errors';
import type { SigningAuthority, SigningAuthorityKind } from '../signing-authority';
import { SigningAuthorityService } from '../signing-authority.service';
import { SigningSessionRepository } from '../signing-session.repository';
import { OutgoingRemoteSigningService } from '../remote/outgoing-remote-signing.service';
import { withRemoteErrors } from '../remote/remote-errors';
import { RemoteSignerSetup, RemoteSigningConfigService } from '../remote/remote-signing-config.service';
import type { SignBatchItem } from './sign-batch.entity';
import { SignBatchRepository } from './sign-batch.repository';
import { itemFailureOf } from './sign-batch-view';

interface Prepared {
  position: number;
  document: OutgoingDocument;
  sent: UpdatedPdf;
  deferred: DeferredSigningState;
  hash: Buffer;
  authority: SigningAuthority;
}

export interface BatchOptions {
  signatureImage?: Buffer;
  requested?: SigningAuthorityKind;
}

const pendingItem = (batchId: string, position: number, documentId: string, sessionId: string | null): SignBatchItem => ({
  batchId, position, documentId, status: 'pending', sessionId, failureStatus: null, failureCode: null, failureMessage: null,
});

/**
 * A batch signed remotely. With a provider that signs several hashes under one confirmation (CSC:
 * `numSignatures` and a `hashes` array on `credentials/authorize`), one transaction covers every
 * draft: one row-locked transaction (drafts locked in id order, so two batches cannot deadlock)
 * prepares each draft's revision, sends all hashes in one request, and records one signing session
 * per draft plus the batch with the provider's transaction; the worker polls the batch
 * (SignBatchPoller). A draft that cannot be signed is reported and left out of the request; a
 * provider that fails at the start leaves nothing behind (502). With a provider that signs one
 * document per transaction (sp769), each draft goes through the single remote route, one request each.
 */
@Injectable()
export class RemoteSignBatchService {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly access: OutgoingAccess,
    private readonly steps: LeaderSignatureSteps,
    private readonly keyring: SigningCertificateService,
    private readonly sessions: SigningSessionRepository,
    private readonly config: RemoteSigningConfigService,
    private readonly single: OutgoingRemoteSigningService,
    private readonly batches: SignBatchRepository,
    private readonly audit: AuditService,
    private readonly authority: SigningAuthorityService,
  ) {}

  /** Starts the batch; its id. Each draft is signed with the authority its signer holds for it (`requested`, or derived as for one draft). */
  async start(actor: Actor, ids: string[], options: BatchOptions = {}): Promise<string> {
    const setup = await this.config.setupOf(actor);
    const client = remoteSigningClient(setup.settings);
    return client.batch ? this.oneTransaction(actor, ids, setup, client, options) : this.onePerDraft(actor, ids, setup, options);
  }

  private async onePerDraft(actor: Actor, ids: string[], setup: RemoteSignerSetup, { signatureImage, requested }: BatchOptions): Promise<string> {
    const batch = await this.outbox.transaction(async (manager) => {
      const opened = await this.batches.insert(manager, { signerId: actor.id, method: 'remote', providerId: setup.provider.id });
      await this.batches.insertItems(manager, ids.map((id, position) => pendingItem(opened.id, position, id, null)));
      await this.recordStart(manager, actor, opened.id, ids, { protocol: setup.provider.protocol, transactions: 'one per draft' });
      return opened;
    });
    for (const [position, documentId] of ids.entries()) {
      try {
        const started = await this.single.start(actor, documentId, { signatureImage, batchId: batch.id, requested });
        await this.outbox.transaction((manager) => this.batches.updateItem(manager, batch.id, position, { sessionId: started.sessionId }));
      } catch (error) {
        await this.outbox.transaction((manager) => this.recordFailure(manager, batch.id, position, error));
      }
    }
    return batch.id;
  }

  private async oneTransaction(actor: Actor, ids: string[], setup: RemoteSignerSetup, client: RemoteSigningClient, { signatureImage, requested }: BatchOptions): Promise<string> {
    const scope = await this.access.scopeFor(actor);
    const remote = await withRemoteErrors(() => client.certificate(setup.account.credentialId));
    const summary = await this.keyring.checkPresentedCertificate(remote.certificate.toString('base64'), remote.chain);
    assertCertificateHolder(summary.commonName, actor.fullName);
    return this.outbox.transaction(async (manager) => {
      const image = signatureImage ?? (await this.keyring.signatureImageOf(actor.id, manager));
      if (!image) throw new AppError(400, 'SIGNATURE_IMAGE_MISSING', 'Chưa có ảnh chữ ký của người ký (no signature image: upload one with the certificate)');
      const expiresAt = new Date(Date.now() + setup.provider.timeoutSeconds * 1000);
      const batch = await this.batches.insert(manager, { signerId: actor.id, method: 'remote', providerId: setup.provider.id, remoteStatus: 'pending', expiresAt });
      await this.batches.insertItems(manager, ids.map((id, position) => pendingItem(batch.id, position, id, null)));
      const trust = await this.keyring.trustOptions();
      const token = tokenProvider(remote.certificate, remote.chain);
      const prepared: Prepared[] = [];
      const inLockOrder = [...ids.entries()].sort(([, a], [, b]) => a.localeCompare(b));
      for (const [position, documentId] of inLockOrder) {
        try {
          const document = await this.steps.lockForSigning(manager, actor, documentId, scope);
          if (await this.sessions.openRemoteOf(manager, documentId).then((s) => s && s.expiresAt.getTime() > Date.now())) {
            throw AppError.conflict('REMOTE_SIGNING_PENDING', 'Văn bản đang chờ xác nhận ký trên điện thoại (a remote signature is already waiting)');
          }
          const authority = await this.authority.resolve(manager, actor, document, requested);
          const draft = await this.steps.preparedDraft(document, manager);
          const begun = await withSigningErrors(() => token.begin(draft, { signatureImage: image, signerName: actor.fullName, titleLines: authority.lines, trust }));
          if (begun.done || !begun.digestToSign) throw new Error('a remote signature waits for the provider');
          prepared.push({ position, document, sent: begun.sent, deferred: begun.state, hash: begun.digestToSign, authority });
        } catch (error) {
          await this.recordFailure(manager, batch.id, position, error);
        }
      }
      prepared.sort((a, b) => a.position - b.position);
      await this.recordStart(manager, actor, batch.id, ids, { protocol: setup.provider.protocol, transactions: prepared.length > 0 ? 'one' : 'none' });
      if (prepared.length === 0) {
        await this.batches.update(manager, batch.id, { remoteStatus: null, completedAt: new Date() });
        return batch.id;
      }
      // One request for every hash; inside the transaction, so a batch always has its provider's transaction.
      const transaction = await withRemoteErrors(() => client.batch!.requestSignatures({
        credentialId: setup.account.credentialId,
        hashes: prepared.map((p) => p.hash),
        documentId: `KHL-${batch.id.slice(0, 8).toUpperCase()}`,
        description: `Ký ${prepared.length} văn bản: ${prepared.map((p) => p.document.subject).join('; ')}`,
      }));
      for (const [i, p] of prepared.entries()) {
        const state: RemoteSigningState = {
          deferred: p.deferred,
          transaction: { transactionId: transaction.transactionId, credentialId: transaction.credentialId, hash: transaction.hashes[i] },
        };
        const session = await this.steps.openSession(
          manager, actor, p.document, p.sent, state,
          { mode: 'remote', protocol: setup.provider.protocol, batchId: batch.id, transactionId: transaction.transactionId, certificate: summary.sha256Fingerprint, signingAuthority: p.authority.kind },
          { providerId: setup.provider.id, timeoutSeconds: setup.provider.timeoutSeconds },
        );
        // The transaction id stays on the batch (one per provider): the draft's session is found through its item.
        await this.sessions.update(manager, session.id, { remoteStatus: 'pending', signingAuthority: p.authority.kind });
        await this.batches.updateItem(manager, batch.id, p.position, { sessionId: session.id });
      }
      await this.batches.update(manager, batch.id, { transactionId: transaction.transactionId, transaction });
      await this.outbox.add(manager, JobName.outgoingSignBatchPoll, { batchId: batch.id, poll: 1 }, { delay: setup.provider.pollSeconds * 1000 });
      return batch.id;
    });
  }

  private async recordStart(manager: EntityManager, actor: Actor, batchId: string, ids: string[], data: Record<string, unknown>): Promise<void> {
    await this.audit.record(manager, {
      actorId: actor.id, action: 'outgoing.sign_batch', entityType: 'outgoing_sign_batch', entityId: batchId, data: { method: 'remote', documentIds: ids, ...data },
    });
  }

  /** A draft the batch leaves out, with the code the single route would answer; a real fault stops the batch (nothing written). */
  private async recordFailure(manager: EntityManager, batchId: string, position: number, error: unknown): Promise<void> {
    const failure = itemFailureOf(error);
    if (!failure) throw error;
    await this.batches.updateItem(manager, batchId, position, {
      status: 'failed', failureStatus: failure.status, failureCode: failure.code, failureMessage: failure.message.slice(0, 1000),
    });
  }
}
