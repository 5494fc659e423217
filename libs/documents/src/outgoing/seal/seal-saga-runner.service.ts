import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AppError, AuditService, FileService, JobName, JobOutbox, JobPayloads, MediaType, OnJob } from '@eoffice/core';
import {
  completeRemoteSignature, isSigningError, PreparedDeferredSignature, RemoteStatus, RemoteTransaction, remoteSigningClient, UpdatedPdf,
} from '@eoffice/signing';
import { VoidedNumberService } from '../../registers';
import type { OutgoingDocument } from '../entities/outgoing-document.entity';
import { OutgoingWorkflow } from '../outgoing-workflow.service';
import { RemoteSigningConfigRepository } from '../remote/remote-signing-config.repository';
import { RemoteSigningConfigService } from '../remote/remote-signing-config.service';
import { SealActors } from './seal-actors';
import { sealProblems } from './seal-check';
import { sagaClosed } from './seal-errors';
import { OPEN_SAGA_STEPS, SealSaga, SealSagaKind } from './seal-saga.entity';
import { AgencySealRepository, SealSagaRepository } from './seal-saga.repository';
import { SigningCertificateService } from '../../certificates';

const POLL_FIRST_MS = 1000;
const POLL_MAX_MS = 30_000;

/** What `open` needs of a prepared seal: the revision and its deferred state, and the number it carries. */
export interface OpenSaga {
  kind: SealSagaKind;
  mode: 'token' | 'remote';
  document: OutgoingDocument;
  number: { registerId: string; year: number; value: number };
  numberSymbol: string;
  issuedAt: Date;
  prepared: PreparedDeferredSignature;
}

class SagaClosed extends Error {}

/**
 * The seal saga's steps after the number was taken, each committed on its own so a crash between
 * two leaves a row saying where to resume: `open` (inside the transaction that took the number)
 * keeps the prepared revision and queues the worker; the worker asks the remote e-seal service,
 * records its transaction, then embeds and checks the seal and issues the document; whoever comes
 * first — the seal, the timeout, the sweep — finishes the saga under its row lock, and the others
 * find it finished. A saga that cannot end with a valid seal voids its number with the reason.
 */
@Injectable()
export class SealSagaRunner {
  private readonly logger = new Logger(SealSagaRunner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: JobOutbox,
    private readonly sagas: SealSagaRepository,
    private readonly seals: AgencySealRepository,
    private readonly providers: RemoteSigningConfigRepository,
    private readonly remoteConfig: RemoteSigningConfigService,
    private readonly workflow: OutgoingWorkflow,
    private readonly voidedNumbers: VoidedNumberService,
    private readonly keyring: SigningCertificateService,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly actors: SealActors,
  ) {}

  /** Inside the caller's transaction: the prepared PDF, the saga row, the worker's job and the job that ends it on time. */
  async open(manager: EntityManager, actor: Actor, input: OpenSaga): Promise<SealSaga> {
    const file = await this.files.recordBytes(input.prepared.preparedPdf.parts(), { mimeType: MediaType.pdf, originalName: `${input.document.id}-to-seal.pdf` }, actor.id, manager);
    const timeoutMs = this.config.SEAL_SAGA_TIMEOUT_MINUTES * 60_000;
    const saga = await this.sagas.insert(manager, {
      documentId: input.document.id, agencyId: input.document.agencyId, kind: input.kind, mode: input.mode, step: 'prepared',
      registerId: input.number.registerId, year: input.number.year, number: input.number.value, numberSymbol: input.numberSymbol,
      issuedAt: input.issuedAt, startedBy: actor.id, preparedFileId: file.id, state: input.prepared.state,
      expiresAt: new Date(Date.now() + timeoutMs),
    });
    if (input.mode === 'remote') await this.outbox.add(manager, JobName.outgoingSealSaga, { sagaId: saga.id, poll: 0 });
    await this.outbox.add(manager, JobName.outgoingSealSaga, { sagaId: saga.id }, { delay: timeoutMs + 1000 });
    return saga;
  }

  @OnJob(JobName.outgoingSealSaga)
  async advance({ sagaId, poll }: JobPayloads[typeof JobName.outgoingSealSaga]): Promise<string> {
    if (!sagaId) return this.sweep();
    const saga = await this.sagas.findById(sagaId);
    if (!saga || !OPEN_SAGA_STEPS.includes(saga.step)) return saga?.step ?? 'gone';
    if (saga.expiresAt.getTime() <= Date.now()) {
      await this.void(saga.id, 'SEAL_SAGA_EXPIRED', `quá ${this.config.SEAL_SAGA_TIMEOUT_MINUTES} phút chưa có chữ ký số của cơ quan (the seal did not arrive in time)`);
      return 'voided';
    }
    // A token's seal comes through the API; for it this job only watches the time.
    if (saga.mode === 'token' || poll === undefined) return saga.step;
    return this.advanceRemote(saga, poll);
  }

  /** Every open saga moved on: those whose job was lost in a crash resume, those past their time are voided. */
  private async sweep(): Promise<string> {
    const open = await this.sagas.openIds();
    for (const id of open) await this.advance({ sagaId: id, poll: 0 }).catch((error: unknown) => this.logger.warn({ sagaId: id, error: String(error) }, 'seal saga not advanced'));
    return `${open.length} open`;
  }

  private async advanceRemote(saga: SealSaga, poll: number): Promise<string> {
    const [seal, provider] = await Promise.all([this.seals.find(saga.agencyId), this.providers.providerOf(saga.agencyId)]);
    if (seal?.mode !== 'remote' || !seal.credentialId || !provider) {
      await this.void(saga.id, 'REMOTE_SIGNING_NOT_CONFIGURED', 'cơ quan không còn cấu hình con dấu số từ xa (the remote e-seal is no longer configured)');
      return 'voided';
    }
    const client = remoteSigningClient(this.remoteConfig.settingsOf(provider));
    let status: RemoteStatus;
    try {
      const transaction = saga.remoteTransaction ?? (await this.request(saga, client.requestSignature.bind(client), seal.credentialId));
      status = await client.status(transaction);
    } catch (error) {
      if (isSigningError(error, 'REMOTE_PROVIDER_UNREACHABLE')) return this.again(saga, poll);
      if (isSigningError(error)) {
        await this.void(saga.id, error.code, `nhà cung cấp con dấu số trả lời sai (${error.message})`);
        return 'voided';
      }
      throw error;
    }
    if (status.state === 'pending') return this.again(saga, poll);
    if (status.state !== 'signed') {
      await this.void(saga.id, status.state === 'rejected' ? 'REMOTE_SIGNING_REJECTED' : 'REMOTE_SIGNING_EXPIRED', `nhà cung cấp con dấu số: ${status.reason}`);
      return 'voided';
    }
    let sealed: UpdatedPdf;
    try {
      const prepared = await this.files.readBytes(saga.preparedFileId);
      sealed = await completeRemoteSignature(prepared, { deferred: saga.state, transaction: saga.remoteTransaction! }, status.signature);
    } catch (error) {
      if (!isSigningError(error)) throw error;
      await this.void(saga.id, error.code, `chữ ký số của con dấu không hợp lệ (${error.message})`);
      return 'voided';
    }
    try {
      await this.finish(saga.id, sealed, await this.actors.actorOf(saga.startedBy));
      return 'completed';
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && error.code === 'SEAL_INVALID') {
        await this.void(saga.id, error.code, error.message);
        return 'voided';
      }
      throw error;
    }
  }

  /** Asks the e-seal service once, and commits its answer before anything else (a resumed job asks for the status only). */
  private async request(saga: SealSaga, requestSignature: (r: { credentialId: string; hash: Buffer; documentId: string; description: string }) => Promise<RemoteTransaction>, credentialId: string): Promise<RemoteTransaction> {
    const hash = createHash('sha256').update(Buffer.from(saga.state.signedAttributes, 'base64')).digest();
    const transaction = await requestSignature({ credentialId, hash, documentId: saga.numberSymbol, description: `Đóng dấu văn bản số ${saga.numberSymbol}` });
    await this.outbox.transaction(async (manager) => {
      const locked = await this.sagas.findForUpdate(manager, saga.id);
      if (locked?.step === 'prepared') await this.sagas.update(manager, saga.id, { step: 'requested', remoteTransaction: transaction });
    });
    saga.remoteTransaction = transaction;
    return transaction;
  }

  private async again(saga: SealSaga, poll: number): Promise<string> {
    const delay = Math.min(POLL_MAX_MS, POLL_FIRST_MS * 1.5 ** poll, Math.max(1000, saga.expiresAt.getTime() - Date.now() + 1000));
    await this.outbox.transaction((manager) => this.outbox.add(manager, JobName.outgoingSealSaga, { sagaId: saga.id, poll: poll + 1 }, { delay }));
    return saga.step;
  }

  /**
   * The last step: the seal must verify (every signature intact, the seal trusted, nothing after it)
   * before the document becomes issued, in one transaction with the saga's end. 422 SEAL_INVALID
   * otherwise; 409 SEAL_SAGA_VOIDED if the saga ended meanwhile.
   */
  async finish(sagaId: string, sealed: UpdatedPdf, actor: Actor, requireClerk = false): Promise<OutgoingDocument> {
    const saga = await this.sagas.findById(sagaId);
    if (!saga) throw AppError.notFound('phiên đóng dấu (seal saga)');
    const bytes = Buffer.concat(sealed.parts());
    const problems = sealProblems(bytes, saga.kind, await this.keyring.trustOptions());
    if (problems.length) throw new AppError(422, 'SEAL_INVALID', `Chữ ký số của cơ quan không hợp lệ (${problems.join('; ')})`);
    try {
      return await this.workflow.run(actor, saga.documentId, saga.kind === 'issue' ? 'seal' : 'paper_seal', null, async ({ document, manager }) => {
        const locked = await this.sagas.findForUpdate(manager, saga.id);
        if (!locked || !OPEN_SAGA_STEPS.includes(locked.step)) throw new SagaClosed();
        if (requireClerk && document.agencyId !== saga.agencyId) throw AppError.forbidden();
        const file = await this.files.recordBytes([bytes], { mimeType: MediaType.pdf, originalName: `${saga.numberSymbol.replace('/', '_')}.pdf` }, actor.id, manager);
        await this.sagas.update(manager, saga.id, { step: 'completed', sealedFileId: file.id, finishedAt: new Date() });
        const numbered = saga.kind === 'issue'
          ? { registerId: saga.registerId, year: saga.year, outgoingNumber: saga.number, numberSymbol: saga.numberSymbol, issuedAt: saga.issuedAt, issuedBy: saga.startedBy }
          : {};
        return {
          changes: { ...numbered, issuedFileId: file.id },
          data: { sagaId: saga.id, mode: saga.mode, number: saga.number, numberSymbol: saga.numberSymbol, sha256: file.sha256 },
        };
      });
    } catch (error) {
      if (error instanceof SagaClosed || (error instanceof AppError && error.code === 'INVALID_TRANSITION')) {
        const now = await this.sagas.findById(saga.id);
        if (now && !OPEN_SAGA_STEPS.includes(now.step)) throw sagaClosed(now);
      }
      throw error;
    }
  }

  /**
   * Ends an open saga without a seal. An issue's number is voided with the reason (never given
   * again; the register prints it) and the document is `signed` again, ready for a new attempt with
   * a new number; a paper scan's saga only fails (the number belongs to the paper original).
   */
  async void(sagaId: string, code: string, reason: string): Promise<void> {
    const saga = await this.sagas.findById(sagaId);
    if (!saga || !OPEN_SAGA_STEPS.includes(saga.step)) return;
    const text = reason.slice(0, 900);
    if (saga.kind === 'paper') {
      await this.outbox.transaction(async (manager) => {
        const locked = await this.sagas.findForUpdate(manager, saga.id);
        if (!locked || !OPEN_SAGA_STEPS.includes(locked.step)) return;
        await this.sagas.update(manager, saga.id, { step: 'failed', failureCode: code, reason: text, finishedAt: new Date() });
        await this.audit.record(manager, { actorId: null, action: 'outgoing.paper_seal_failed', entityType: 'outgoing_document', entityId: saga.documentId, data: { sagaId, code, reason: text } });
      });
      return;
    }
    try {
      await this.workflow.run(await this.actors.actorOf(saga.startedBy), saga.documentId, 'seal_void', `Hủy số ${saga.numberSymbol}: ${text}`, async ({ manager }) => {
        const locked = await this.sagas.findForUpdate(manager, saga.id);
        if (!locked || !OPEN_SAGA_STEPS.includes(locked.step)) throw new SagaClosed();
        const voided = await this.voidedNumbers.recordVoidedNumber(manager, {
          registerId: saga.registerId, year: saga.year, number: saga.number, reason: `${saga.numberSymbol}: ${text}`, actorId: null,
        });
        await this.sagas.update(manager, saga.id, { step: 'voided', failureCode: code, reason: text, finishedAt: new Date() });
        return { data: { sagaId, code, voidedNumberId: voided.id, number: saga.number, numberSymbol: saga.numberSymbol } };
      });
      this.logger.warn({ sagaId, documentId: saga.documentId, numberSymbol: saga.numberSymbol, code }, 'seal saga voided its number');
    } catch (error) {
      if (error instanceof SagaClosed) return;
      throw error;
    }
  }
}
