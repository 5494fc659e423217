import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, AgencyDirectoryService, OrganisationScope, Role } from '@eoffice/accounts';
import { AppError, FileService, JobName, JobOutbox, JobRunService, MediaType, ReceivedFile } from '@eoffice/core';
import { officeExtensionOf } from '../conversion';
import { IncomingAccess, IncomingAssignmentRepository, IncomingRepository } from '../incoming';
import { cleanVietnameseText, vietnamDate } from '@eoffice/vietnamese';
import { findDocumentType } from './document-types';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingVersion } from './entities/outgoing-version.entity';
import { OutgoingAccess } from './outgoing-access.service';
import type { AgencyRecipientInput, CreateOutgoingInput, UpdateOutgoingInput } from './outgoing-input';
import { isIssued } from './outgoing-lifecycle';
import { NewRecipient, OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingVersionRepository } from './outgoing-version.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';
import { OutgoingRepository } from './outgoing.repository';
import { assertSignablePdf } from './signable-pdf';

/** Soạn thảo: an officer's draft with its recipients, signer and file; every uploaded version kept. */
@Injectable()
export class OutgoingDraftingService {
  constructor(
    private readonly access: OutgoingAccess,
    private readonly organisation: OrganisationScope,
    private readonly documents: OutgoingRepository,
    private readonly versions: OutgoingVersionRepository,
    private readonly recipients: OutgoingRecipientRepository,
    private readonly workflow: OutgoingWorkflow,
    private readonly files: FileService,
    private readonly incomingAccess: IncomingAccess,
    private readonly incoming: IncomingRepository,
    private readonly assignments: IncomingAssignmentRepository,
    private readonly jobRuns: JobRunService,
    private readonly outbox: JobOutbox,
    private readonly directory: AgencyDirectoryService,
  ) {}


  async create(actor: Actor, input: CreateOutgoingInput, draft: ReceivedFile): Promise<OutgoingDocument> {
    this.access.requireRole(actor, Role.officer, Role.leader);
    const agencyId = await this.access.agencyIdOf(actor);
    const values = await this.documentValues(actor, agencyId, input);
    const recipients = await this.validRecipients(agencyId, input);
    await assertSignablePdf(this.files, draft);
    const document = await this.outbox.transaction(async (manager) => {
      const document = await this.documents.insert(manager, { ...values, status: 'draft', reviewStage: null });
      await this.recipients.replaceAll(manager, document.id, recipients);
      const version = await this.addVersion(manager, actor, document, draft);
      await this.workflow.record(manager, actor.id, document, 'create', null, null, {
        versionNumber: version.versionNumber,
        sha256: draft.sha256,
        recipients: recipients.length,
      });
      return { ...document, currentVersionId: version.id };
    });
    return document;
  }

  /** A new version of the file, by the author, while the document is a draft (also after a return). */
  async revise(actor: Actor, id: string, draft: ReceivedFile, note: string | null): Promise<OutgoingDocument> {
    await assertSignablePdf(this.files, draft);
    return this.workflow.run(actor, id, 'revise', note, async ({ document, manager }) => {
      this.access.requireAuthor(actor, document);
      const added = await this.addVersion(manager, actor, document, draft);
      return { changes: { currentVersionId: added.id }, data: { versionNumber: added.versionNumber, sha256: draft.sha256 } };
    });
  }

  /** Fields of a draft other than its file, by its author while it is a draft (also after a return). */
  async update(actor: Actor, id: string, input: UpdateOutgoingInput): Promise<OutgoingDocument> {
    const changes: Partial<OutgoingDocument> = {};
    if (input.validUntil !== undefined) changes.validUntil = input.validUntil === null ? null : validUntilFromToday(input.validUntil);
    return this.workflow.run(actor, id, 'revise', null, async ({ document }) => {
      this.access.requireAuthor(actor, document);
      return { changes, data: { ...changes, updated: Object.keys(changes) } };
    });
  }

  /**
   * A PDF is the version's PDF as it came; a docx/odt is kept as the editable original and gets a
   * conversion run (GET /jobs/:id) that the worker fills in.
   */
  private async addVersion(manager: EntityManager, actor: Actor, document: OutgoingDocument, draft: ReceivedFile): Promise<OutgoingVersion> {
    const file = await this.files.record(draft, actor.id, manager);
    const isPdf = draft.mimeType === MediaType.pdf;
    if (!isPdf && !officeExtensionOf(draft.mimeType)) {
      throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'Dự thảo phải là PDF, docx hoặc odt (the draft must be a PDF or a word-processing file)');
    }
    const version = await this.versions.insertNext(manager, {
      documentId: document.id,
      sourceFileId: file.id,
      pdfFileId: isPdf ? file.id : null,
      conversion: isPdf ? 'none' : 'pending',
      conversionError: null,
      conversionJobId: null,
      createdBy: actor.id,
    });
    if (!isPdf) {
      const run = await this.jobRuns.create(manager, { name: JobName.outgoingConvertDraft, requestedBy: actor.id, input: { versionId: version.id } });
      await this.versions.update(version.id, { conversionJobId: run.id }, manager);
      version.conversionJobId = run.id;
      // The run's id doubles as the queue job's id.
      await this.outbox.add(manager, JobName.outgoingConvertDraft, { jobRunId: run.id }, { jobId: run.id });
    }
    await this.documents.update(manager, document.id, { currentVersionId: version.id });
    return version;
  }

  /** An encrypted or broken PDF could never be signed: refuse it now rather than at the leader's desk. */
  private async documentValues(actor: Actor, agencyId: string, input: CreateOutgoingInput): Promise<Partial<OutgoingDocument>> {
    const type = findDocumentType(input.documentType);
    await this.assertSigner(agencyId, input.signerId);
    const reply = input.replyToIncomingId ? await this.checkReply(actor, input.replyToIncomingId, input.closesIncoming ?? false) : null;
    if (input.replacesId) await this.assertReplaceable(actor, agencyId, input.replacesId);
    return {
      agencyId,
      draftingUnitId: actor.unitId,
      authorId: actor.id,
      documentType: type.name,
      subject: cleanVietnameseText(input.subject, 'subject'),
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      signerId: input.signerId,
      signingTitle: input.signingTitle ? cleanVietnameseText(input.signingTitle, 'signingTitle') : null,
      replyToIncomingId: reply,
      closesIncoming: reply !== null && (input.closesIncoming ?? false),
      replacesId: input.replacesId ?? null,
      layout: input.layout ?? null,
      validUntil: input.validUntil ? validUntilFromToday(input.validUntil) : null,
    };
  }

  private async assertSigner(agencyId: string, signerId: string): Promise<void> {
    const signer = await this.organisation.findActiveUser(signerId);
    if (!signer?.roles.includes(Role.leader) || (await this.organisation.agencyOf(signer.unitId)).id !== agencyId) {
      throw AppError.validation('Người ký phải là lãnh đạo đang công tác của cơ quan (signerId is not an active leader of this agency)', [
        { field: 'signerId', message: 'not an active leader of this agency' },
      ]);
    }
  }

  /** The incoming item must be one the drafter sees; only its lead may ask that the reply closes it. */
  private async checkReply(actor: Actor, incomingId: string, closes: boolean): Promise<string> {
    const incoming = await this.incoming.findVisible(incomingId, await this.incomingAccess.scopeFor(actor));
    if (!incoming) {
      throw AppError.validation('Không tìm thấy văn bản đến được trả lời (replyToIncomingId unknown)', [{ field: 'replyToIncomingId', message: 'unknown' }]);
    }
    if (closes && !(await this.incomingAccess.isLead(actor, await this.assignments.findActive(incomingId)))) {
      throw new AppError(403, 'NOT_INCOMING_LEAD', 'Chỉ người chủ trì xử lý văn bản đến mới được yêu cầu kết thúc khi trả lời (only the lead may close by this reply)');
    }
    return incoming.id;
  }

  private async assertReplaceable(actor: Actor, agencyId: string, replacesId: string): Promise<void> {
    const replaced = await this.documents.findVisible(replacesId, await this.access.scopeFor(actor));
    if (!replaced || replaced.agencyId !== agencyId || !isIssued(replaced.status)) {
      throw AppError.validation('Văn bản được thay thế phải là văn bản đã ban hành của cơ quan (replacesId is not an issued document)', [
        { field: 'replacesId', message: 'not an issued document of this agency' },
      ]);
    }
  }

  /**
   * Internal recipients are agencies of this installation (each has its own clerk and register);
   * others by e-mail or on paper. A confidential (mật) document never leaves electronically
   * (Decree 30 Art. 15; the law on state secrets): outside recipients get the paper copy.
   */
  private async validRecipients(agencyId: string, input: CreateOutgoingInput): Promise<NewRecipient[]> {
    const agencies = input.recipients.agencies ?? [];
    if (input.confidentiality !== 'normal' && input.recipients.external.length + agencies.length > 0) throw confidentialElectronicDelivery();
    const internal: NewRecipient[] = [];
    for (const unitId of new Set(input.recipients.unitIds)) {
      const unit = await this.organisation.findUnit(unitId);
      if (!unit) throw new AppError(400, 'RECIPIENT_UNKNOWN', `Đơn vị nhận không tồn tại (no unit ${unitId})`);
      if (unit.kind !== 'agency' || unit.id === agencyId) {
        throw new AppError(400, 'RECIPIENT_INVALID', `Đơn vị nhận phải là một cơ quan khác trong hệ thống (${unit.name} is not another agency)`);
      }
      internal.push({ kind: 'internal', unitId: unit.id, name: unit.name, email: unit.email });
    }
    const external: NewRecipient[] = input.recipients.external.map((r) => ({
      kind: 'external' as const,
      unitId: null,
      name: cleanVietnameseText(r.name, 'recipients.external.name'),
      email: r.email.trim().toLowerCase(),
    }));
    const paper = (input.recipients.paper ?? []).map((r) => ({
      kind: 'paper' as const,
      unitId: null,
      name: cleanVietnameseText(r.name, 'recipients.paper.name'),
      email: null,
    }));
    external.push(...paper, ...(await this.directoryRecipients(agencies)));
    if (internal.length + external.length === 0) {
      throw AppError.validation('Văn bản phải có nơi nhận (at least one recipient)', [{ field: 'recipients', message: 'empty' }]);
    }
    return [...internal, ...external];
  }

  /** Directory agencies by OrganId: active ones only, each once; the name is the directory's. */
  private async directoryRecipients(agencies: AgencyRecipientInput[]): Promise<NewRecipient[]> {
    const organIds = [...new Set(agencies.map((a) => a.organId.trim().toUpperCase()))];
    const found = new Map((await this.directory.findByOrganIds(organIds)).map((a) => [a.organId, a]));
    return organIds.map((organId) => {
      const agency = found.get(organId);
      if (!agency?.active) throw new AppError(400, 'RECIPIENT_UNKNOWN', `Không có cơ quan mã định danh ${organId} trong danh bạ (no active directory agency ${organId})`);
      return { kind: 'agency' as const, unitId: null, name: agency.name, email: null, organId, externalAgencyId: agency.id };
    });
  }
}

/**
 * A draft is dated the day it is issued, today at the earliest: a validity end before today would
 * fall before the document's own date (the same rule as an incoming document's validUntil against its date).
 */
function validUntilFromToday(validUntil: string): string {
  if (validUntil < vietnamDate(new Date())) {
    throw AppError.validation('Ngày hết hiệu lực trước ngày văn bản (validUntil before the date the document can be issued: today)', [
      { field: 'validUntil', message: 'before the document date (today at the earliest)' },
    ]);
  }
  return validUntil;
}

export function confidentialElectronicDelivery(): AppError {
  return new AppError(
    422,
    'CONFIDENTIAL_ELECTRONIC_DELIVERY',
    'Văn bản mật không được gửi qua thư điện tử hay mạng ra ngoài hệ thống; hãy gửi bản giấy (recipients.paper) (a confidential document goes out on paper only)',
  );
}
