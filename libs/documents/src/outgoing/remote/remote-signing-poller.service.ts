import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Role, User } from '@eoffice/accounts';
import { AppError, FileService, JobName, JobOutbox, JobPayloads, MediaType, OnJob } from '@eoffice/core';
import {
  completeRemoteSignature, isSigningError, RemoteSigningState, RemoteStatus, remoteSigningClient, UpdatedPdf,
} from '@eoffice/signing';
import type { RemoteSigningStatus, SigningSession } from '../entities/signing-session.entity';
import { LeaderSignatureSteps } from '../leader-signature-steps';
import { OutgoingWorkflow } from '../outgoing-workflow.service';
import { SigningSessionRepository } from '../signing-session.repository';
import { RemoteSigningConfigRepository } from './remote-signing-config.repository';
import { RemoteSigningConfigService } from './remote-signing-config.service';
import { remoteSigningView, RemoteSigningView } from './remote-signing-view';
import { LongTermSigningService } from '../long-term/long-term-signing.service';
import { SigningAuthorityService } from '../signing-authority.service';

/** The wait between polls grows by half each time, up to ten times the provider's poll interval. */
const BACKOFF = 1.5;
const MAX_FACTOR = 10;

export interface RemoteFailure {
  status: Exclude<RemoteSigningStatus, 'sending' | 'pending' | 'signed'>;
  code: string;
  message: string;
}

/**
 * Follows a remote signature to its end: a poll job (queued again with a growing delay while the
 * signer has not answered, stopping at the provider's timeout) and the provider's callback both
 * come here. Whichever comes first finishes the session under a row lock; the other finds it
 * finished and does nothing, so a callback sent twice has one effect. A signature counts only once
 * it verifies over exactly our hash with the prepared certificate; then the draft is signed through
 * the workflow (timeline, audit, the clerks told), and the leader is told either way.
 */
@Injectable()
export class RemoteSigningPoller {
  private readonly logger = new Logger(RemoteSigningPoller.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: JobOutbox,
    private readonly sessions: SigningSessionRepository,
    private readonly providers: RemoteSigningConfigRepository,
    private readonly config: RemoteSigningConfigService,
    private readonly steps: LeaderSignatureSteps,
    private readonly workflow: OutgoingWorkflow,
    private readonly files: FileService,
    private readonly longTerm: LongTermSigningService,
    private readonly authority: SigningAuthorityService,
  ) {}

  @OnJob(JobName.outgoingRemoteSignPoll)
  async poll({ sessionId, poll }: JobPayloads[typeof JobName.outgoingRemoteSignPoll]): Promise<RemoteSigningStatus | 'gone'> {
    const session = await this.sessions.findById(sessionId);
    if (!session) return 'gone';
    return this.check(session, poll);
  }

  /** A provider's callback: finds the session by the transaction id (404 REMOTE_TRANSACTION_UNKNOWN), then asks the provider. */
  async callback(providerId: string, transactionId: string): Promise<RemoteSigningView> {
    const session = transactionId ? await this.sessions.findByTransaction(providerId, transactionId) : null;
    if (!session) {
      this.logger.warn({ providerId, transactionId }, 'remote signing callback for an unknown transaction');
      throw new AppError(404, 'REMOTE_TRANSACTION_UNKNOWN', 'Không có giao dịch ký số từ xa này (unknown remote signing transaction)');
    }
    await this.check(session, 0);
    return remoteSigningView((await this.sessions.findById(session.id))!);
  }

  private async check(session: SigningSession, poll: number): Promise<RemoteSigningStatus> {
    if (session.remoteStatus !== 'pending' || !session.providerId) return session.remoteStatus ?? 'failed';
    const provider = await this.providers.providerById(session.providerId);
    if (!provider) return this.fail(session, { status: 'failed', code: 'REMOTE_SIGNING_NOT_CONFIGURED', message: 'the provider is no longer configured' });
    const state = session.state as RemoteSigningState;
    const client = remoteSigningClient(this.config.settingsOf(provider));
    const expired = (): RemoteFailure => ({ status: 'expired', code: 'REMOTE_SIGNING_EXPIRED', message: 'hết thời gian chờ xác nhận (no answer before the timeout)' });
    let status: RemoteStatus;
    try {
      status = await client.status(state.transaction);
    } catch (error) {
      if (isSigningError(error, 'REMOTE_PROVIDER_UNREACHABLE')) {
        // The provider may come back before the deadline: keep polling until then.
        if (session.expiresAt.getTime() <= Date.now()) return this.fail(session, expired());
        return this.again(session, poll, provider.pollSeconds);
      }
      if (isSigningError(error, 'REMOTE_PROVIDER_FAILED')) return this.fail(session, { status: 'failed', code: 'REMOTE_PROVIDER_FAILED', message: error.message });
      throw error;
    }
    if (status.state === 'pending') {
      if (session.expiresAt.getTime() <= Date.now()) return this.fail(session, expired());
      return this.again(session, poll, provider.pollSeconds);
    }
    if (status.state === 'rejected') return this.fail(session, { status: 'rejected', code: 'REMOTE_SIGNING_REJECTED', message: `người ký từ chối (${status.reason})` });
    if (status.state === 'expired') return this.fail(session, { status: 'expired', code: 'REMOTE_SIGNING_EXPIRED', message: `nhà cung cấp báo hết hạn (${status.reason})` });
    return this.embed(session, state, status.signature);
  }

  /** The provider's signature for this session: embedded and signed through the workflow once it verifies (also for a batch's sessions). */
  async embed(session: SigningSession, state: RemoteSigningState, signature: Buffer, audited: Record<string, unknown> = {}): Promise<RemoteSigningStatus> {
    const prepared = await this.files.readBytes(session.preparedFileId);
    let signed: UpdatedPdf;
    try {
      // B-T before the transaction: the TSA round trip holds no lock.
      signed = await this.longTerm.stampSignature(await completeRemoteSignature(prepared, state, signature));
    } catch (error) {
      if (!isSigningError(error)) throw error;
      return this.fail(session, { status: 'failed', code: error.code, message: error.message });
    }
    const signer = await this.signerOf(session);
    try {
      await this.workflow.run(signer, session.documentId, 'sign', null, async ({ document, manager }) => {
        const locked = await this.sessions.findByIdForUpdate(manager, session.id);
        if (locked?.remoteStatus !== 'pending') throw new AlreadyFinished();
        // What was drawn when the request went out, checked again now (as a token's completion is):
        // a delegation or acting appointment that ended meanwhile refuses, and the session fails with its code.
        const authority = await this.authority.resolve(manager, signer, document, session.signingAuthority);
        const file = await this.files.recordBytes(signed.parts(), { mimeType: MediaType.pdf, originalName: `${session.documentId}-signed.pdf` }, signer.id, manager);
        await this.sessions.update(manager, session.id, { remoteStatus: 'signed', completedAt: new Date() });
        await this.outbox.add(manager, JobName.outgoingRemoteSignNotify, { sessionId: session.id });
        return this.authority.recorded(
          this.steps.signedResult(file, sha256Of(state), { sessionId: session.id, mode: 'remote', transactionId: session.transactionId, ...audited }),
          authority,
        );
      });
      return 'signed';
    } catch (error) {
      if (error instanceof AlreadyFinished) return (await this.sessions.findById(session.id))?.remoteStatus ?? 'failed';
      if (error instanceof AppError && error.status < 500) {
        // The draft changed meanwhile (signed another way, returned): the remote signature is not used.
        return this.fail(session, { status: 'failed', code: error.code, message: error.message });
      }
      throw error;
    }
  }

  /** Closes a pending session as failed, once (under its lock), and tells the leader. */
  async fail(session: SigningSession, failure: RemoteFailure): Promise<RemoteSigningStatus> {
    return this.outbox.transaction(async (manager) => {
      const locked = await this.sessions.findByIdForUpdate(manager, session.id);
      if (locked?.remoteStatus !== 'pending') return locked?.remoteStatus ?? 'failed';
      await this.sessions.update(manager, session.id, {
        remoteStatus: failure.status, failureCode: failure.code, failureMessage: failure.message.slice(0, 1000), completedAt: new Date(),
      });
      await this.steps.recordRemoteOutcome(manager, session, failure);
      await this.outbox.add(manager, JobName.outgoingRemoteSignNotify, { sessionId: session.id });
      return failure.status;
    });
  }

  private async again(session: SigningSession, poll: number, pollSeconds: number): Promise<RemoteSigningStatus> {
    if (poll === 0) return 'pending'; // a callback that came early: the poll chain goes on by itself
    const untilDeadline = session.expiresAt.getTime() - Date.now() + 1000;
    const delay = Math.max(1000, Math.min(pollSeconds * 1000 * Math.min(BACKOFF ** poll, MAX_FACTOR), untilDeadline));
    await this.outbox.transaction((manager) => this.outbox.add(manager, JobName.outgoingRemoteSignPoll, { sessionId: session.id, poll: poll + 1 }, { delay }));
    return 'pending';
  }

  private async signerOf(session: SigningSession): Promise<Actor> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: session.signerId } });
    if (!user) throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy người ký (signer not found)');
    return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles as Role[], unitId: user.unitId, mustChangePassword: false };
  }
}

class AlreadyFinished extends Error {}

function sha256Of(state: RemoteSigningState): string {
  return createHash('sha256').update(Buffer.from(state.deferred.certificates[0], 'base64')).digest('hex');
}
