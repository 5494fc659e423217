import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@eoffice/accounts';
import { AppError, AuditService, FileService, JobName, JobOutbox, MediaType } from '@eoffice/core';
import { IncomingAccess, IncomingRegistrationService, IncomingRepository, RegisterIncomingInput, Registration } from '../incoming';
import type { RegisterIntakeInput } from './intake-input';
import type { IntakeItem, IntakeState } from './intake-item.entity';
import { correctionsOf, PROPOSAL_FIELDS } from './intake-proposal';
import { IntakeRepository } from './intake.repository';

export interface IntakeRegistration {
  item: IntakeItem;
  registration: Registration;
}

/** States from which the clerk may still decide; an item the intake set aside may be taken back in. */
const OPEN: readonly IntakeState[] = ['waiting', 'not_a_document'];

/** The clerk's three answers to an intake item: vào sổ, trả lại, không phải văn bản. */
@Injectable()
export class IntakeDeskService {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly access: IncomingAccess,
    private readonly items: IntakeRepository,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly registration: IncomingRegistrationService,
    private readonly documents: IncomingRepository,
  ) {}

  /**
   * Registers the item with one call: the proposal, corrected by what the clerk sends, through the
   * incoming registration (the number is taken there). Idempotent on the item: a second call, or a
   * concurrent one, answers the first registration and never takes a second number.
   */
  async register(actor: Actor, id: string, input: RegisterIntakeInput): Promise<IntakeRegistration> {
    const item = await this.itemOf(actor, id);
    if (item.state === 'registered' || item.incomingDocumentId) return this.firstRegistration(item);
    if (!this.stillOpen(item)) throw closed(item);
    const scan = await this.scanOf(item, input.fileId);
    const values = this.completed(item, input);
    const registration = await this.registration.registerArrival(actor, values, { intakeItemId: item.id, scan });
    const document = registration.document;
    const corrections = correctionsOf(item.proposal, values as Required<Pick<RegisterIncomingInput, (typeof PROPOSAL_FIELDS)[number]>>);
    const registered = await this.outbox.transaction(async (manager) => {
      // 'returned' too: the number was taken, so the item is registered even if a return slipped in meanwhile.
      const changed = await this.items.decide(manager, item.id, [...OPEN, 'returned'], {
        state: 'registered',
        actorId: actor.id,
        reason: null,
        incomingDocumentId: document.id,
        corrections,
      });
      if (!changed) return null;
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'intake.registered',
        entityType: 'intake_item',
        entityId: item.id,
        data: { incomingDocumentId: document.id, incomingNumber: document.incomingNumber, year: document.year, corrections },
      });
      // Báo nhận: the e-mail sender hears our number the same day (the worker replies to their message).
      if (item.channel === 'email') await this.outbox.add(manager, JobName.intakeReply, { itemId: item.id, purpose: 'acknowledgement' });
      return changed;
    });
    return { item: registered ?? (await this.items.findById(item.id)) ?? item, registration };
  }

  /** Trả lại: the reason is required; an e-mail sender gets a reply with it (IntakeReplyService). */
  async returnToSender(actor: Actor, id: string, reason: string | undefined): Promise<IntakeItem> {
    const why = reason?.trim();
    if (!why) {
      throw new AppError(400, 'INTAKE_REASON_REQUIRED', 'Trả lại văn bản phải ghi rõ lý do (a return needs a reason)', [
        { field: 'reason', message: 'required' },
      ]);
    }
    return this.decide(actor, id, 'returned', why, 'intake.returned');
  }

  /** Không phải văn bản: set aside (spam, a personal message, a duplicate); the reason is optional. */
  discard(actor: Actor, id: string, reason: string | undefined): Promise<IntakeItem> {
    return this.decide(actor, id, 'not_a_document', reason?.trim() || null, 'intake.discarded');
  }

  private async decide(actor: Actor, id: string, state: IntakeState, reason: string | null, action: string): Promise<IntakeItem> {
    const item = await this.itemOf(actor, id);
    const from = OPEN.filter((s) => s !== state || item.decidedBy === null);
    const changed = await this.outbox.transaction(async (manager) => {
      const updated = item.incomingDocumentId ? null : await this.items.decide(manager, item.id, from, { state, actorId: actor.id, reason });
      if (updated) await this.audit.record(manager, { actorId: actor.id, action, entityType: 'intake_item', entityId: item.id, data: { reason, from: item.state } });
      if (updated && state === 'returned' && item.channel === 'email') await this.outbox.add(manager, JobName.intakeReply, { itemId: item.id, purpose: 'return' });
      return updated;
    });
    if (!changed) throw closed((await this.items.findById(item.id)) ?? item);
    return changed;
  }

  private async firstRegistration(item: IntakeItem): Promise<IntakeRegistration> {
    const document = await this.documents.findByIntakeItemId(item.id);
    if (!document) throw closed(item);
    return { item, registration: { document, replayed: true, likelyDuplicateIds: [], urgent: document.urgency !== 'normal' } };
  }

  /** The clerk's own agency's item; anyone else's is "not found". */
  private async itemOf(actor: Actor, id: string): Promise<IntakeItem> {
    this.access.requireRole(actor, Role.clerk);
    const item = await this.items.findInAgency(id, await this.access.agencyIdOf(actor));
    if (!item) throw AppError.notFound('văn bản chờ vào sổ (intake item)');
    return item;
  }

  /** Waiting, or set aside by the intake itself (not by a clerk). */
  private stillOpen(item: IntakeItem): boolean {
    return item.state === 'waiting' || (item.state === 'not_a_document' && item.decidedBy === null);
  }

  private async scanOf(item: IntakeItem, fileId: string | undefined) {
    const files = (await this.items.filesOf([item.id])).filter((f) => f.fileId && f.mimeType === MediaType.pdf);
    const chosen = fileId ? files.find((f) => f.fileId === fileId) : files[0];
    if (!chosen?.fileId) {
      const message = fileId
        ? 'Tệp này không phải tệp PDF của văn bản chờ vào sổ (not a PDF of this item)'
        : 'Văn bản chờ vào sổ không có tệp PDF để vào sổ (the item has no PDF to register)';
      throw new AppError(422, 'INTAKE_NO_PDF', message, [{ field: 'fileId', message: 'a PDF of the item is required' }]);
    }
    return this.files.get(chosen.fileId);
  }

  /** The proposal with the clerk's corrections; every field POST /incoming requires must be there. */
  private completed(item: IntakeItem, input: RegisterIntakeInput): RegisterIncomingInput {
    const merged: Record<string, unknown> = { ...item.proposal };
    for (const field of PROPOSAL_FIELDS) if (input[field] !== undefined) merged[field] = input[field];
    const missing = PROPOSAL_FIELDS.filter((field) => merged[field] === undefined || merged[field] === null || merged[field] === '');
    if (missing.length > 0) {
      throw AppError.validation(
        `Đề xuất còn thiếu ${missing.join(', ')}; hãy nhập khi vào sổ (the proposal lacks these fields: send them)`,
        missing.map((field) => ({ field, message: 'required: not in the proposal' })),
      );
    }
    return {
      ...(merged as Required<Pick<RegisterIncomingInput, (typeof PROPOSAL_FIELDS)[number]>>),
      registerId: input.registerId,
      dueDate: input.dueDate,
      dueInWorkingDays: input.dueInWorkingDays,
      pageCount: input.pageCount,
      validUntil: input.validUntil,
      convertLegacyText: input.convertLegacyText,
      receivedVia: item.channel,
      receivedAt: item.receivedAt.toISOString(),
    };
  }
}

function closed(item: IntakeItem): AppError {
  if (item.state === 'registered') {
    return new AppError(409, 'INTAKE_ITEM_REGISTERED', 'Văn bản này đã được vào sổ (the item is registered already)');
  }
  if (item.state === 'recalled') return new AppError(409, 'INTAKE_ITEM_RECALLED', 'Cơ quan gửi đã thu hồi văn bản này (the sender recalled it)');
  return new AppError(409, 'INTAKE_ITEM_CLOSED', 'Văn bản này đã được trả lại hoặc loại bỏ (the item was returned or set aside)');
}
