import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, JobOutbox } from '@eoffice/core';
import { SigningCertificateService } from '../../certificates';
import { OutgoingSigningService } from '../outgoing-signing.service';
import { OutgoingRepository } from '../outgoing.repository';
import type { SigningAuthorityKind } from '../signing-authority';
import { withSigningErrors } from '../signing-errors';
import { SigningSessionRepository } from '../signing-session.repository';
import { RemoteSignBatchService } from './remote-sign-batch.service';
import type { SignBatch, SignBatchMethod } from './sign-batch.entity';
import { SignBatchRepository } from './sign-batch.repository';
import { ALREADY_SIGNED, ItemFailure, itemFailureOf, SIGN_BATCH_MAX, signBatchView, SignBatchView } from './sign-batch-view';

export interface SignBatchInput {
  ids: string[];
  method: SignBatchMethod;
  /** Stored key: one of the leader's certificates (default the newest valid one). */
  certificateId?: string;
  /** Remote: the signature image (default the one stored with the leader's certificate). */
  signatureImage?: Buffer;
  /** On whose behalf (KT., TL., TUQ., TM., Q.) every draft is signed; derived per draft when absent. */
  authority?: SigningAuthorityKind;
}

/** States a draft reaches only by being signed: a second batch over it says ALREADY_SIGNED, not a bare INVALID_TRANSITION. */
const SIGNED_OR_LATER = new Set(['signed', 'sealing', 'issued', 'dispatched', 'recalled']);

/**
 * Ký hàng loạt: a leader signs several approved drafts with one action. Each draft is signed as the
 * single route signs it — its own transaction under its own row lock, its own revision, timeline
 * event, audit entry (with the batch's id) and notification — so one draft that cannot be signed
 * (wrong state, not this leader's, changed meanwhile) is reported with the code the single route
 * would answer and the others are signed; the failed one can be signed again, alone or in a later
 * batch. Two identical batches at once sign each draft once: the second finds it signed (409
 * ALREADY_SIGNED). A remote provider gets one transaction for the whole batch when it can sign
 * several hashes under one confirmation (RemoteSignBatchService).
 */
@Injectable()
export class SignBatchService {
  private readonly logger = new Logger(SignBatchService.name);

  constructor(
    private readonly outbox: JobOutbox,
    private readonly batches: SignBatchRepository,
    private readonly sessions: SigningSessionRepository,
    private readonly documents: OutgoingRepository,
    private readonly signing: OutgoingSigningService,
    private readonly remote: RemoteSignBatchService,
    private readonly keyring: SigningCertificateService,
    private readonly audit: AuditService,
  ) {}

  async sign(actor: Actor, request: SignBatchInput): Promise<SignBatchView> {
    // Ids as the database writes them: duplicates are found and drafts locked in one order whatever the case sent.
    const input = { ...request, ids: request.ids.map((id) => id.toLowerCase()) };
    checkList(input.ids);
    if (input.method === 'remote') return this.view(actor, await this.remote.start(actor, input.ids, { signatureImage: input.signatureImage, requested: input.authority }));
    // No usable key is the whole batch's problem, answered once before anything is written.
    await withSigningErrors(() => this.keyring.personalSigner(actor, input.certificateId));
    const batch = await this.open(actor, input.ids);
    const failures: { documentId: string; code: string }[] = [];
    for (const [position, documentId] of input.ids.entries()) {
      try {
        await this.signing.sign(actor, documentId, input.certificateId, {
          requested: input.authority,
          batch: { batchId: batch.id, mark: (manager) => this.batches.updateItem(manager, batch.id, position, { status: 'signed' }) },
        });
      } catch (error) {
        const failure = await this.failureOf(error, documentId);
        await this.outbox.transaction((manager) => this.batches.updateItem(manager, batch.id, position, {
          status: 'failed', failureStatus: failure.status, failureCode: failure.code, failureMessage: failure.message.slice(0, 1000),
        }));
        failures.push({ documentId, code: failure.code });
      }
    }
    await this.outbox.transaction((manager) => this.audit.record(manager, {
      actorId: actor.id, action: 'outgoing.sign_batch_finished', entityType: 'outgoing_sign_batch', entityId: batch.id,
      data: { signed: input.ids.length - failures.length, failed: failures },
    }));
    return this.view(actor, batch.id);
  }

  /** The batch, to its signer only (404 to anyone else), with each draft's state. */
  async view(actor: Actor, batchId: string): Promise<SignBatchView> {
    const batch = await this.batches.findById(batchId);
    if (!batch || batch.signerId !== actor.id) throw AppError.notFound('lô ký (signing batch)');
    const items = await this.batches.itemsOf(batch.id);
    const sessions = await this.sessions.findByIds(items.map((i) => i.sessionId).filter((id): id is string => id !== null));
    return signBatchView(batch, items, sessions);
  }

  private async open(actor: Actor, ids: string[]): Promise<SignBatch> {
    return this.outbox.transaction(async (manager) => {
      const batch = await this.batches.insert(manager, { signerId: actor.id, method: 'stored' });
      await this.batches.insertItems(manager, ids.map((documentId, position) => ({
        batchId: batch.id, position, documentId, status: 'pending' as const, sessionId: null, failureStatus: null, failureCode: null, failureMessage: null,
      })));
      await this.audit.record(manager, {
        actorId: actor.id, action: 'outgoing.sign_batch', entityType: 'outgoing_sign_batch', entityId: batch.id, data: { method: 'stored', documentIds: ids },
      });
      return batch;
    });
  }

  private async failureOf(error: unknown, documentId: string): Promise<ItemFailure> {
    const failure = itemFailureOf(error);
    if (!failure) {
      // A real fault with this draft: the others still get signed; the draft is reported, not the batch failed.
      this.logger.error({ err: error, documentId }, 'a draft of a signing batch failed');
      return { status: 500, code: 'INTERNAL_ERROR', message: 'Lỗi khi ký văn bản này, có thể ký lại (an unexpected failure; sign it again)' };
    }
    if (failure.code === 'INVALID_TRANSITION') {
      const document = await this.documents.findById(documentId);
      if (document && SIGNED_OR_LATER.has(document.status)) return ALREADY_SIGNED;
    }
    return failure;
  }
}

/** An empty list, one over the cap, or a draft named twice is refused before anything is signed. */
function checkList(ids: string[]): void {
  if (ids.length === 0) throw new AppError(400, 'SIGN_BATCH_EMPTY', 'Chưa chọn văn bản nào để ký (the batch names no draft)');
  if (ids.length > SIGN_BATCH_MAX) {
    throw new AppError(400, 'SIGN_BATCH_TOO_LARGE', `Mỗi lần ký tối đa ${SIGN_BATCH_MAX} văn bản (at most ${SIGN_BATCH_MAX} drafts in one batch)`);
  }
  const seen = new Set<string>();
  const twice = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (twice.length > 0) {
    throw new AppError(400, 'SIGN_BATCH_DUPLICATE', 'Một văn bản được chọn hai lần (a draft is named twice in the batch)', twice.map((id) => ({ field: 'ids', message: `${id} twice` })));
  }
}
