import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, OrganisationScope, Role } from '@eoffice/accounts';
import { AppError, AuditService, FileService, JobName, JobOutbox } from '@eoffice/core';
import { DueDateService } from '../deadlines';
import { VoidedNumberService } from '../registers';
import { cleanVietnameseText, vietnamDate } from '@eoffice/vietnamese';
import type { IncomingAssignment } from './entities/incoming-assignment.entity';
import type { IncomingDocument } from './entities/incoming-document.entity';
import { IncomingAccess } from './incoming-access.service';
import { IncomingAssignmentRepository } from './incoming-assignment.repository';
import { IncomingEventRepository } from './incoming-event.repository';
import type { AssignIncomingInput, AssignmentTarget, CloseIncomingInput } from './incoming-input';
import { IncomingAction, IncomingStatus, nextIncomingStatus } from './incoming-lifecycle';
import { IncomingRepository } from './incoming.repository';
import { IssuedReplies } from './issued-replies';

/** Actions whose people are told in-app (the worker makes the notifications). */
const NOTIFIED: ReadonlySet<IncomingAction> = new Set(['submit', 'assign', 'reopen', 'return']);

interface Step {
  document: IncomingDocument;
  assignments: IncomingAssignment[];
  manager: EntityManager;
}

/** Trình, phân công, báo cáo tiến độ, kết thúc, mở lại, trả lại: every transition of the API contract. */
@Injectable()
export class IncomingFlowService {

  constructor(
    private readonly access: IncomingAccess,
    private readonly organisation: OrganisationScope,
    private readonly documents: IncomingRepository,
    private readonly assignments: IncomingAssignmentRepository,
    private readonly events: IncomingEventRepository,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly dueDates: DueDateService,
    private readonly outbox: JobOutbox,
    private readonly replies: IssuedReplies,
    private readonly voidedNumbers: VoidedNumberService,
  ) {}

  submit(actor: Actor, id: string, leaderId: string): Promise<IncomingDocument> {
    return this.transition(actor, id, 'submit', null, async ({ document, manager }) => {
      this.access.requireRole(actor, Role.clerk);
      const leader = await this.organisation.findActiveUser(leaderId, manager);
      if (!leader?.roles.includes(Role.leader) || (await this.organisation.agencyOf(leader.unitId, manager)).id !== document.agencyId) {
        throw AppError.validation('Người nhận phải là lãnh đạo của cơ quan (leaderId is not a leader of this agency)', [
          { field: 'leaderId', message: 'not a leader of this agency' },
        ]);
      }
      return { changes: { submittedTo: leader.id }, data: { leaderId } };
    });
  }

  assign(actor: Actor, id: string, input: AssignIncomingInput): Promise<IncomingDocument> {
    return this.transition(actor, id, 'assign', input.instruction ?? null, async (step) => {
      if (await this.access.isLeaderOf(actor, step.document)) return this.direct(actor, step, input);
      return this.pickLeadPerson(actor, step, input);
    });
  }

  /** The leader's direction: lead, coordinators, for-information, deadline, instruction. */
  private async direct(actor: Actor, { document, manager }: Step, input: AssignIncomingInput) {
    const targets = await this.validTargets(document, input, manager);
    const dueDate = this.dueDates.resolve(vietnamDate(new Date()), input.dueDate, input.dueInWorkingDays) ?? document.dueDate;
    const instruction = input.instruction ? cleanVietnameseText(input.instruction, 'instruction') : null;
    const common = { dueDate, instruction, assignedBy: actor.id, assignedAt: new Date(), progressPercent: null };
    await this.assignments.replaceActive(manager, document.id, targets.map((t) => ({ ...t, ...common })));
    return { changes: { dueDate, instruction }, data: { targets, dueDate } };
  }

  /** A unit named as lead: its head or delegate names the person inside the unit who handles it. */
  private async pickLeadPerson(actor: Actor, { document, assignments, manager }: Step, input: AssignIncomingInput) {
    const unitId = await this.access.managedLeadUnit(actor, assignments, manager);
    if (!unitId) throw AppError.forbidden();
    if (!input.lead.userId || input.lead.unitId || input.coordinators.length || input.informed.length) {
      throw AppError.validation('Trưởng đơn vị chỉ chọn người chủ trì (lead.userId) trong đơn vị', [
        { field: 'lead', message: 'give only lead.userId, a person of the unit' },
      ]);
    }
    const person = await this.organisation.findActiveUser(input.lead.userId, manager);
    if (!person || !(await this.organisation.subtreeUnitIds(unitId, manager)).includes(person.unitId)) {
      throw AppError.validation('Người được chọn không thuộc đơn vị chủ trì (person outside the lead unit)', [
        { field: 'lead.userId', message: 'not an active member of the lead unit' },
      ]);
    }
    const rows = assignments.map(({ role, userId, unitId: u, dueDate, instruction, assignedBy, assignedAt, progressPercent }) =>
      role === 'lead'
        ? { role, userId: person.id, unitId: u, dueDate, instruction, assignedBy: actor.id, assignedAt: new Date(), progressPercent }
        : { role, userId, unitId: u, dueDate, instruction, assignedBy, assignedAt, progressPercent },
    );
    await this.assignments.replaceActive(manager, document.id, rows);
    return { changes: {}, data: { leadUnitId: unitId, leadUserId: person.id } };
  }

  progress(actor: Actor, id: string, note: string, percent?: number): Promise<IncomingDocument> {
    return this.transition(actor, id, 'progress', note, async ({ assignments, manager }) => {
      if (!(await this.access.isAssignee(actor, assignments, manager))) throw AppError.forbidden();
      const mine = assignments.find((a) => a.userId === actor.id) ?? assignments.find((a) => a.role === 'lead');
      if (mine && percent !== undefined) await this.assignments.update(manager, mine.id, { progressPercent: percent });
      return { changes: {}, data: { percent } };
    });
  }

  close(actor: Actor, id: string, input: CloseIncomingInput): Promise<IncomingDocument> {
    return this.transition(actor, id, 'close', input.note ?? null, async ({ document, assignments, manager }) => {
      const leader = await this.access.isLeaderOf(actor, document);
      if (!leader && !(await this.access.isLead(actor, assignments, manager))) throw AppError.forbidden();
      if (input.replyOutgoingId) await this.assertIssuedReply(id, input.replyOutgoingId, manager);
      else if (!input.resultFile) {
        throw AppError.validation('Cần tệp kết quả hoặc văn bản trả lời (a result file or reply is required)', [
          { field: 'file', message: 'required unless replyOutgoingId is given' },
        ]);
      }
      const resultFile = input.resultFile ? await this.files.record(input.resultFile, actor.id, manager) : null;
      const closedAt = new Date();
      const onTime = document.dueDate === null || vietnamDate(closedAt) <= document.dueDate;
      return {
        changes: {
          closedAt,
          closedBy: actor.id,
          resultNote: input.note ? cleanVietnameseText(input.note, 'note') : null,
          resultFileId: resultFile?.id ?? null,
          replyOutgoingId: input.replyOutgoingId ?? null,
        },
        data: { onTime, dueDate: document.dueDate, resultSha256: resultFile?.sha256 },
      };
    });
  }

  /** Kết thúc bằng văn bản trả lời: an outgoing document issued in answer to this very item. */
  private async assertIssuedReply(incomingId: string, outgoingId: string, manager: EntityManager): Promise<void> {
    if (!(await this.replies.isIssuedReplyTo(outgoingId, incomingId, manager))) {
      throw AppError.validation('Văn bản trả lời phải là văn bản đi đã ban hành trả lời văn bản này (replyOutgoingId is not an issued reply to it)', [
        { field: 'replyOutgoingId', message: 'not an issued reply to this document' },
      ]);
    }
  }

  reopen(actor: Actor, id: string, reason: string): Promise<IncomingDocument> {
    return this.transition(actor, id, 'reopen', reason, async ({ document }) => {
      await this.access.requireLeaderOf(actor, document);
      return { changes: { closedAt: null, closedBy: null }, data: {} };
    });
  }

  returnToSender(actor: Actor, id: string, reason: string): Promise<IncomingDocument> {
    return this.transition(actor, id, 'return', reason, async ({ document, manager }) => {
      this.access.requireRole(actor, Role.clerk);
      // Arrived by e-mail through the intake: the sender gets a reply with the reason.
      if (document.intakeItemId) await this.outbox.add(manager, JobName.intakeReply, { itemId: document.intakeItemId, purpose: 'return' });
      return { changes: {}, data: {} };
    });
  }

  /**
   * Hủy số: a document registered by mistake (wrong agency, twice, not a document) is voided by a
   * clerk of its agency before anyone acted on it. Its number stays taken and is recorded as void.
   */
  voidNumber(actor: Actor, id: string, reason: string): Promise<IncomingDocument> {
    return this.transition(actor, id, 'void', reason, async ({ document, manager }) => {
      this.access.requireRole(actor, Role.clerk);
      if ((await this.access.agencyIdOf(actor, manager)) !== document.agencyId) throw AppError.forbidden();
      const { registerId, year, incomingNumber: number } = document;
      const voided = await this.voidedNumbers.recordVoidedNumber(manager, { registerId, year, number, reason, actorId: actor.id });
      return { changes: {}, data: { voidedNumberId: voided.id, registerId, year, number } };
    });
  }

  /**
   * Locks the document (inside the actor's scope: 404 otherwise), checks the state machine,
   * lets `apply` check the actor's right and compute changes, then writes the new state, the
   * timeline event and the audit entry in the same transaction.
   */
  private async transition(
    actor: Actor,
    id: string,
    action: IncomingAction,
    note: string | null,
    apply: (step: Step) => Promise<{ changes: Partial<IncomingDocument>; data: Record<string, unknown> }>,
  ): Promise<IncomingDocument> {
    // The scope is read before the transaction, so it never waits for a second pool connection.
    const scope = await this.access.scopeFor(actor);
    const document = await this.outbox.transaction(async (manager) => {
      const document = await this.documents.findForUpdate(manager, id, scope);
      if (!document) throw AppError.notFound('văn bản đến (incoming document)');
      const from: IncomingStatus = document.status;
      const to = nextIncomingStatus(from, action);
      const assignments = await this.assignments.findActive(id, manager);
      const cleanNote = note ? cleanVietnameseText(note, 'note') : null;
      const { changes, data } = await apply({ document, assignments, manager });
      await this.documents.update(manager, id, { ...changes, status: to });
      const event = await this.events.append(manager, {
        documentId: id,
        actorId: actor.id,
        action,
        fromStatus: from,
        toStatus: to,
        note: cleanNote,
        data,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: `incoming.${action}`,
        entityType: 'incoming_document',
        entityId: id,
        data: { from, to, note: cleanNote, ...data },
      });
      // Written with the change, relayed to the worker after commit (it reads the committed state).
      if (NOTIFIED.has(action)) await this.outbox.add(manager, JobName.incomingNotify, { documentId: id, eventId: event.id });
      return { ...document, ...changes, status: to };
    });
    return document;
  }

  private async validTargets(document: IncomingDocument, input: AssignIncomingInput, manager: EntityManager) {
    const rows = [
      { role: 'lead' as const, target: input.lead },
      ...input.coordinators.map((target) => ({ role: 'coordinator' as const, target })),
      ...input.informed.map((target) => ({ role: 'informed' as const, target })),
    ];
    const seen = new Set<string>();
    const result = [];
    for (const { role, target } of rows) {
      const key = await this.checkTarget(document, target, manager);
      if (seen.has(key)) throw AppError.validation(`Người/đơn vị được giao trùng lặp (${key})`, [{ field: role, message: 'duplicate target' }]);
      seen.add(key);
      result.push({ role, userId: target.userId ?? null, unitId: target.unitId ?? null });
    }
    return result;
  }

  /** A target is one active person or one unit of the document's agency (or an agency below it). */
  private async checkTarget(document: IncomingDocument, target: AssignmentTarget, manager: EntityManager): Promise<string> {
    if (!!target.userId === !!target.unitId) {
      throw AppError.validation('Mỗi người nhận là một người (userId) hoặc một đơn vị (unitId)', [{ field: 'lead', message: 'give userId or unitId' }]);
    }
    const within = await this.organisation.subtreeUnitIds(document.agencyId, manager);
    const unitId = target.unitId ?? (await this.organisation.findActiveUser(target.userId!, manager))?.unitId;
    if (!unitId || !within.includes(unitId)) {
      throw AppError.validation('Người/đơn vị được giao không thuộc cơ quan (assignee outside the agency)', [
        { field: target.userId ? 'userId' : 'unitId', message: 'unknown or outside the agency' },
      ]);
    }
    return target.userId ?? target.unitId!;
  }
}
