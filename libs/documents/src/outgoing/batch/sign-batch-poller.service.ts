import { Injectable, Logger } from '@nestjs/common';
import { AppError, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { isSigningError, RemoteBatchStatus, RemoteSigningState, remoteSigningClient } from '@eoffice/signing';
import type { SigningSession } from '../entities/signing-session.entity';
import { SigningSessionRepository } from '../signing-session.repository';
import { RemoteSigningConfigRepository } from '../remote/remote-signing-config.repository';
import { RemoteSigningConfigService } from '../remote/remote-signing-config.service';
import { RemoteFailure, RemoteSigningPoller } from '../remote/remote-signing-poller.service';
import { remoteSigningView, RemoteSigningView } from '../remote/remote-signing-view';
import type { SignBatch, SignBatchRemoteStatus } from './sign-batch.entity';
import { SignBatchRepository } from './sign-batch.repository';

const BACKOFF = 1.5;
const MAX_FACTOR = 10;

/**
 * Follows a batch's one provider transaction (CSC, several hashes under one confirmation): the
 * poll job and the provider's callback come here. Once the signer confirmed, each draft's session
 * gets its own signature (the one at its hash's place) and is finished as a single remote signature
 * is — checked over exactly its hash, signed through the workflow in its own transaction, the
 * leader told — so a draft whose signature does not verify, or that changed meanwhile, fails alone.
 * A rejection or an expiry ends every draft's session (each stays approved, to sign again). Each
 * session finishes under its own lock, so a poll and a callback at once sign each draft once.
 */
@Injectable()
export class SignBatchPoller {
  private readonly logger = new Logger(SignBatchPoller.name);

  constructor(
    private readonly outbox: JobOutbox,
    private readonly batches: SignBatchRepository,
    private readonly sessions: SigningSessionRepository,
    private readonly providers: RemoteSigningConfigRepository,
    private readonly config: RemoteSigningConfigService,
    private readonly single: RemoteSigningPoller,
  ) {}

  @OnJob(JobName.outgoingSignBatchPoll)
  async poll({ batchId, poll }: JobPayloads[typeof JobName.outgoingSignBatchPoll]): Promise<SignBatchRemoteStatus | 'gone'> {
    const batch = await this.batches.findById(batchId);
    return batch ? this.check(batch, poll) : 'gone';
  }

  /**
   * A provider's callback: a batch's transaction is checked here; any other goes to the single
   * remote signature's poller (404 REMOTE_TRANSACTION_UNKNOWN when neither knows it). The answer
   * shows the batch's first draft.
   */
  async callback(providerId: string, transactionId: string): Promise<RemoteSigningView> {
    const batch = transactionId ? await this.batches.findByTransaction(providerId, transactionId) : null;
    if (!batch) return this.single.callback(providerId, transactionId);
    await this.check(batch, 0);
    const [first] = await this.sessionsOf(batch);
    if (!first) throw new AppError(404, 'REMOTE_TRANSACTION_UNKNOWN', 'Không có giao dịch ký số từ xa này (unknown remote signing transaction)');
    return remoteSigningView(first);
  }

  private async check(batch: SignBatch, poll: number): Promise<SignBatchRemoteStatus> {
    if (batch.remoteStatus !== 'pending' || !batch.providerId || !batch.transaction) return batch.remoteStatus ?? 'failed';
    const provider = await this.providers.providerById(batch.providerId);
    if (!provider) return this.failAll(batch, { status: 'failed', code: 'REMOTE_SIGNING_NOT_CONFIGURED', message: 'the provider is no longer configured' });
    const client = remoteSigningClient(this.config.settingsOf(provider));
    const expired = (): RemoteFailure => ({ status: 'expired', code: 'REMOTE_SIGNING_EXPIRED', message: 'hết thời gian chờ xác nhận (no answer before the timeout)' });
    const pastDeadline = () => !!batch.expiresAt && batch.expiresAt.getTime() <= Date.now();
    let status: RemoteBatchStatus;
    try {
      if (!client.batch) throw new AppError(409, 'REMOTE_SIGNING_NOT_CONFIGURED', 'the provider no longer signs several hashes at once');
      status = await client.batch.status(batch.transaction);
    } catch (error) {
      if (isSigningError(error, 'REMOTE_PROVIDER_UNREACHABLE')) return pastDeadline() ? this.failAll(batch, expired()) : this.again(batch, poll, provider.pollSeconds);
      if (isSigningError(error, 'REMOTE_PROVIDER_FAILED') || error instanceof AppError) {
        return this.failAll(batch, { status: 'failed', code: error instanceof AppError ? error.code : 'REMOTE_PROVIDER_FAILED', message: error.message });
      }
      throw error;
    }
    if (status.state === 'pending') return pastDeadline() ? this.failAll(batch, expired()) : this.again(batch, poll, provider.pollSeconds);
    if (status.state === 'rejected') return this.failAll(batch, { status: 'rejected', code: 'REMOTE_SIGNING_REJECTED', message: `người ký từ chối (${status.reason})` });
    if (status.state === 'expired') return this.failAll(batch, { status: 'expired', code: 'REMOTE_SIGNING_EXPIRED', message: `nhà cung cấp báo hết hạn (${status.reason})` });
    const hashes = batch.transaction.hashes;
    for (const session of await this.sessionsOf(batch)) {
      const state = session.state as RemoteSigningState;
      const signature = status.signatures[hashes.indexOf(state.transaction.hash)];
      if (!signature) {
        await this.single.fail(session, { status: 'failed', code: 'REMOTE_PROVIDER_FAILED', message: 'no signature for this draft\'s hash' });
        continue;
      }
      // Each draft on its own: one that does not verify or changed meanwhile fails, the others are signed.
      await this.single.embed(session, state, signature, { batchId: batch.id });
    }
    return this.finish(batch, 'signed');
  }

  private async failAll(batch: SignBatch, failure: RemoteFailure): Promise<SignBatchRemoteStatus> {
    for (const session of await this.sessionsOf(batch)) await this.single.fail(session, failure);
    return this.finish(batch, failure.status, failure);
  }

  /** The batch's transaction is over (each draft's session already finished, so a crash before this only repeats harmless work). */
  private async finish(batch: SignBatch, status: SignBatchRemoteStatus, failure?: RemoteFailure): Promise<SignBatchRemoteStatus> {
    return this.outbox.transaction(async (manager) => {
      const locked = await this.batches.findByIdForUpdate(manager, batch.id);
      if (locked?.remoteStatus !== 'pending') return locked?.remoteStatus ?? 'failed';
      await this.batches.update(manager, batch.id, {
        remoteStatus: status, failureCode: failure?.code ?? null, failureMessage: failure?.message.slice(0, 1000) ?? null, completedAt: new Date(),
      });
      this.logger.log({ batchId: batch.id, status }, 'remote signing batch finished');
      return status;
    });
  }

  private async sessionsOf(batch: SignBatch): Promise<SigningSession[]> {
    const items = await this.batches.itemsOf(batch.id);
    return this.sessions.findByIds(items.map((i) => i.sessionId).filter((id): id is string => id !== null));
  }

  private async again(batch: SignBatch, poll: number, pollSeconds: number): Promise<SignBatchRemoteStatus> {
    if (poll === 0) return 'pending'; // a callback that came early: the poll chain goes on by itself
    const untilDeadline = (batch.expiresAt?.getTime() ?? Date.now()) - Date.now() + 1000;
    const delay = Math.max(1000, Math.min(pollSeconds * 1000 * Math.min(BACKOFF ** poll, MAX_FACTOR), untilDeadline));
    await this.outbox.transaction((manager) => this.outbox.add(manager, JobName.outgoingSignBatchPoll, { batchId: batch.id, poll: poll + 1 }, { delay }));
    return 'pending';
  }
}
