import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AppError, AuditService, FileService, JobName, JobOutbox, JobPayloads, MediaType, OnJob } from '@eoffice/core';
import {
  completeRemoteSignature, DeferredSigningState, isSigningError, SigningError, PreparedDeferredSignature, RemoteBatchSigning, RemoteBatchStatus, RemoteBatchTransaction,
  RemoteSigningClient, RemoteTransaction, remoteSigningClient, UpdatedPdf,
} from '@eoffice/signing';
import { VoidedNumberService } from '../../registers';
import type { OutgoingDocument } from '../entities/outgoing-document.entity';
import { OutgoingAppendixRepository } from '../outgoing-appendix.repository';
import { OutgoingWorkflow } from '../outgoing-workflow.service';
import { RemoteSigningConfigRepository } from '../remote/remote-signing-config.repository';
import { RemoteSigningConfigService } from '../remote/remote-signing-config.service';
import { SealActors } from './seal-actors';
import { appendixSealProblems, sealProblems } from './seal-check';
import { sagaClosed } from './seal-errors';
import { OPEN_SAGA_STEPS, SealSaga, SealSagaAppendix, SealSagaKind } from './seal-saga.entity';
import { AgencySealRepository, SealSagaRepository } from './seal-saga.repository';
import { SigningCertificateService } from '../../certificates';
import { LongTermOutcome, LongTermSigningService, lowestLevel } from '../long-term/long-term-signing.service';

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
  /** Each appendix's prepared seal, in position order (none for a paper scan). */
  appendices?: { appendixId: string; position: number; prepared: PreparedDeferredSignature }[];
}

/** An appendix's seal embedded (token answer or e-seal signature), for `finish` to verify and record. */
export interface SealedAppendix {
  appendixId: string;
  pdf: UpdatedPdf;
}

/** One file the e-seal signs: the document (index 0) or an appendix, with its deferred state and its own request (one per file). */
interface SealTarget {
  label: string;
  documentRef: string;
  preparedFileId: string;
  state: DeferredSigningState;
  transaction: RemoteTransaction | null;
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
    private readonly appendixRows: OutgoingAppendixRepository,
    private readonly longTerm: LongTermSigningService,
  ) {}

  /** Inside the caller's transaction: the prepared PDF, the saga row, the worker's job and the job that ends it on time. */
  async open(manager: EntityManager, actor: Actor, input: OpenSaga): Promise<SealSaga> {
    const file = await this.files.recordBytes(input.prepared.preparedPdf.parts(), { mimeType: MediaType.pdf, originalName: `${input.document.id}-to-seal.pdf` }, actor.id, manager);
    const appendices: SealSagaAppendix[] = [];
    for (const a of input.appendices ?? []) {
      const name = `${input.document.id}-PL${a.position}-to-seal.pdf`;
      const prepared = await this.files.recordBytes(a.prepared.preparedPdf.parts(), { mimeType: MediaType.pdf, originalName: name }, actor.id, manager);
      appendices.push({ appendixId: a.appendixId, position: a.position, preparedFileId: prepared.id, state: a.prepared.state, remoteTransaction: null });
    }
    const timeoutMs = this.config.SEAL_SAGA_TIMEOUT_MINUTES * 60_000;
    const saga = await this.sagas.insert(manager, {
      documentId: input.document.id, agencyId: input.document.agencyId, kind: input.kind, mode: input.mode, step: 'prepared',
      registerId: input.number.registerId, year: input.number.year, number: input.number.value, numberSymbol: input.numberSymbol,
      issuedAt: input.issuedAt, startedBy: actor.id, preparedFileId: file.id, state: input.prepared.state, appendices,
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
    let status: RemoteBatchStatus;
    try {
      status = await this.remoteStatus(saga, client, seal.credentialId);
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
    const appendices: SealedAppendix[] = [];
    try {
      const targets = this.targets(saga);
      if (status.signatures.length !== targets.length) {
        throw new SigningError('REMOTE_PROVIDER_FAILED', `${status.signatures.length} signatures for ${targets.length} files`);
      }
      const embedded: UpdatedPdf[] = [];
      for (const [i, target] of targets.entries()) {
        const transaction = target.transaction ?? { transactionId: saga.remoteBatch!.transactionId, credentialId: saga.remoteBatch!.credentialId, hash: saga.remoteBatch!.hashes[i] };
        embedded.push(await completeRemoteSignature(await this.files.readBytes(target.preparedFileId), { deferred: target.state, transaction }, status.signatures[i]));
      }
      [sealed] = embedded;
      saga.appendices.forEach((a, i) => appendices.push({ appendixId: a.appendixId, pdf: embedded[i + 1] }));
    } catch (error) {
      if (!isSigningError(error)) throw error;
      await this.void(saga.id, error.code, `chữ ký số của con dấu không hợp lệ (${error.message})`);
      return 'voided';
    }
    try {
      await this.finish(saga.id, sealed, await this.actors.actorOf(saga.startedBy), false, appendices);
      return 'completed';
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && error.code === 'SEAL_INVALID') {
        await this.void(saga.id, error.code, error.message);
        return 'voided';
      }
      throw error;
    }
  }

  /** The document first, then each appendix in position order: the order of the hashes sent and of the signatures back. */
  private targets(saga: SealSaga): SealTarget[] {
    return [
      { label: `văn bản số ${saga.numberSymbol}`, documentRef: saga.numberSymbol, preparedFileId: saga.preparedFileId, state: saga.state, transaction: saga.remoteTransaction },
      ...saga.appendices.map((a) => ({
        label: `phụ lục ${a.position} của văn bản số ${saga.numberSymbol}`, documentRef: `${saga.numberSymbol}-PL${a.position}`,
        preparedFileId: a.preparedFileId, state: a.state, transaction: a.remoteTransaction,
      })),
    ];
  }

  /**
   * Every signature the saga needs, asked once: with appendices and a protocol that signs several
   * hashes in one request (CSC), one transaction for all; otherwise one per file (sp769), each
   * committed as soon as the provider accepts it, so a resumed job only asks for the status.
   */
  private async remoteStatus(saga: SealSaga, client: RemoteSigningClient, credentialId: string): Promise<RemoteBatchStatus> {
    if (saga.appendices.length > 0 && client.batch) {
      const batch = saga.remoteBatch ?? (await this.requestBatch(saga, client.batch, credentialId));
      return client.batch.status(batch);
    }
    const targets = this.targets(saga);
    const transactions: RemoteTransaction[] = [];
    for (const [i, target] of targets.entries()) transactions.push(target.transaction ?? (await this.request(saga, i, target, client, credentialId)));
    const signatures: Buffer[] = [];
    for (const transaction of transactions) {
      const status = await client.status(transaction);
      if (status.state !== 'signed') return status;
      signatures.push(status.signature);
    }
    return { state: 'signed', signatures };
  }

  /** Asks the e-seal service for one file, and commits its answer before anything else; the saga is `requested` once every file was asked. */
  private async request(saga: SealSaga, index: number, target: SealTarget, client: RemoteSigningClient, credentialId: string): Promise<RemoteTransaction> {
    const hash = createHash('sha256').update(Buffer.from(target.state.signedAttributes, 'base64')).digest();
    const asked = await client.requestSignature({ credentialId, hash, documentId: target.documentRef, description: `Đóng dấu ${target.label}` });
    const kept = await this.outbox.transaction(async (manager) => {
      const locked = await this.sagas.findForUpdate(manager, saga.id);
      if (!locked || !OPEN_SAGA_STEPS.includes(locked.step)) return asked;
      // Two runs of the job at once: the first answer committed is the one kept (and polled).
      const stored = index === 0 ? locked.remoteTransaction : locked.appendices[index - 1].remoteTransaction;
      if (stored) return stored;
      const appendices = locked.appendices.map((a, i) => (i === index - 1 ? { ...a, remoteTransaction: asked } : a));
      const everyFile = (index === 0 || locked.remoteTransaction !== null) && appendices.every((a) => a.remoteTransaction !== null);
      await this.sagas.update(manager, saga.id, {
        ...(index === 0 ? { remoteTransaction: asked } : { appendices }),
        ...(everyFile ? { step: 'requested' as const } : {}),
      });
      return asked;
    });
    if (index === 0) saga.remoteTransaction = kept;
    else saga.appendices[index - 1].remoteTransaction = kept;
    return kept;
  }

  /** One request for the document and every appendix (one authorisation, N signatures in the order sent), committed before anything else. */
  private async requestBatch(saga: SealSaga, batch: RemoteBatchSigning, credentialId: string): Promise<RemoteBatchTransaction> {
    const hashes = this.targets(saga).map((t) => createHash('sha256').update(Buffer.from(t.state.signedAttributes, 'base64')).digest());
    const asked = await batch.requestSignatures({
      credentialId, hashes, documentId: saga.numberSymbol, description: `Đóng dấu văn bản số ${saga.numberSymbol} và ${saga.appendices.length} phụ lục`,
    });
    const kept = await this.outbox.transaction(async (manager) => {
      const locked = await this.sagas.findForUpdate(manager, saga.id);
      if (!locked || !OPEN_SAGA_STEPS.includes(locked.step)) return asked;
      if (locked.remoteBatch) return locked.remoteBatch;
      await this.sagas.update(manager, saga.id, { step: 'requested', remoteBatch: asked });
      return asked;
    });
    saga.remoteBatch = kept;
    return kept;
  }

  private async again(saga: SealSaga, poll: number): Promise<string> {
    const delay = Math.min(POLL_MAX_MS, POLL_FIRST_MS * 1.5 ** poll, Math.max(1000, saga.expiresAt.getTime() - Date.now() + 1000));
    await this.outbox.transaction((manager) => this.outbox.add(manager, JobName.outgoingSealSaga, { sagaId: saga.id, poll: poll + 1 }, { delay }));
    return saga.step;
  }

  /**
   * The last step: the seal and each appendix's must verify (intact, trusted, nothing after it), then get B-T/B-LT;
   * the document is issued in one transaction with the saga's end. 422 SEAL_INVALID; 409 SEAL_SAGA_VOIDED if it ended.
   */
  async finish(sagaId: string, sealed: UpdatedPdf, actor: Actor, requireClerk = false, sealedAppendices: SealedAppendix[] = []): Promise<OutgoingDocument> {
    const saga = await this.sagas.findById(sagaId);
    if (!saga) throw AppError.notFound('phiên đóng dấu (seal saga)');
    const trust = await this.keyring.trustOptions();
    const bytes = Buffer.concat(sealed.parts());
    const problems = sealProblems(bytes, saga.kind, trust);
    const appendices = saga.appendices.map((a) => {
      const pdf = sealedAppendices.find((s) => s.appendixId === a.appendixId)?.pdf;
      const appendixBytes = pdf && Buffer.concat(pdf.parts());
      problems.push(...(appendixBytes ? appendixSealProblems(appendixBytes, trust) : ['no seal']).map((p) => `phụ lục ${a.position}: ${p}`));
      return { ...a, pdf: pdf! };
    });
    if (problems.length) throw new AppError(422, 'SEAL_INVALID', `Chữ ký số của cơ quan không hợp lệ (${problems.join('; ')})`);
    // B-T and B-LT for the seal now that it verifies, as the stored-key issue gives it; the TSA and
    // OCSP round trips hold no lock. The time-stamp goes into each seal's own revision, in place.
    const longTerm = await this.longTerm.afterSeal(sealed, trust);
    const appendixLongTerm: LongTermOutcome[] = [];
    for (const a of appendices) appendixLongTerm.push(await this.longTerm.afterSeal(a.pdf, trust));
    const level = lowestLevel([longTerm.level, ...appendixLongTerm.map((l) => l.level)]);
    const warning = longTerm.warning ?? appendixLongTerm.find((l) => l.warning)?.warning ?? null;
    try {
      return await this.workflow.run(actor, saga.documentId, saga.kind === 'issue' ? 'seal' : 'paper_seal', null, async ({ document, manager }) => {
        const locked = await this.sagas.findForUpdate(manager, saga.id);
        if (!locked || !OPEN_SAGA_STEPS.includes(locked.step)) throw new SagaClosed();
        if (requireClerk && document.agencyId !== saga.agencyId) throw AppError.forbidden();
        const file = await this.files.recordBytes(longTerm.pdf.parts(), { mimeType: MediaType.pdf, originalName: `${saga.numberSymbol.replace('/', '_')}.pdf` }, actor.id, manager);
        for (const [i, a] of appendices.entries()) {
          const name = `${saga.numberSymbol.replace('/', '_')}_PL${a.position}.pdf`;
          const appendixFile = await this.files.recordBytes(appendixLongTerm[i].pdf.parts(), { mimeType: MediaType.pdf, originalName: name }, actor.id, manager);
          await this.appendixRows.markIssued(manager, a.appendixId, appendixFile.id, appendixLongTerm[i].level);
        }
        const upgradeLater = [longTerm, ...appendixLongTerm].some((l) => l.upgradeLater);
        if (upgradeLater) await this.outbox.add(manager, JobName.outgoingLongTermUpgrade, { documentId: saga.documentId }, { delay: this.longTerm.retryDelayMs });
        await this.sagas.update(manager, saga.id, { step: 'completed', sealedFileId: file.id, finishedAt: new Date() });
        const numbered = saga.kind === 'issue'
          ? { registerId: saga.registerId, year: saga.year, outgoingNumber: saga.number, numberSymbol: saga.numberSymbol, issuedAt: saga.issuedAt, issuedBy: saga.startedBy }
          : {};
        return {
          changes: { ...numbered, issuedFileId: file.id, longTermLevel: level, longTermWarning: warning, longTermStampedUntil: longTerm.stampedUntil },
          data: { sagaId: saga.id, mode: saga.mode, number: saga.number, numberSymbol: saga.numberSymbol, sha256: file.sha256, appendices: appendices.length, longTermLevel: level },
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
