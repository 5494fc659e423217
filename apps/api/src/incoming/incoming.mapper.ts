import { mapPage, type CappedPage } from '@eoffice/core';
import type { IncomingAssignment, IncomingDetail, IncomingDocument, IncomingListItem, Registration } from '@eoffice/documents';
import type {
  IncomingAssignmentDto, IncomingDetailDto, IncomingDto, IncomingListItemDto, IncomingPageDto, RegistrationDto,
} from './dto/incoming-responses.dto';

export function toAssignmentDto(a: IncomingAssignment): IncomingAssignmentDto {
  return {
    id: a.id,
    role: a.role,
    userId: a.userId,
    unitId: a.unitId,
    dueDate: a.dueDate,
    instruction: a.instruction,
    assignedBy: a.assignedBy,
    assignedAt: a.assignedAt,
    progressPercent: a.progressPercent,
  };
}

export function toIncomingDto(d: IncomingDocument): IncomingDto {
  return {
    id: d.id,
    incomingNumber: d.incomingNumber,
    year: d.year,
    registerId: d.registerId,
    status: d.status,
    sourceNumberSymbol: d.sourceNumberSymbol,
    sourceDate: d.sourceDate,
    issuingAuthority: d.issuingAuthority,
    documentType: d.documentType,
    subject: d.subject,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    receivedVia: d.receivedVia,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    validUntil: d.validUntil ?? null,
    pageCount: d.pageCount,
    scanFileId: d.scanFileId,
    scanImageFileId: d.scanImageFileId,
    textExtractedAt: d.textExtractedAt,
    originalFileId: d.originalFileId,
    registeredBy: d.registeredBy,
    submittedTo: d.submittedTo,
    instruction: d.instruction,
    closedAt: d.closedAt,
    resultNote: d.resultNote,
    resultFileId: d.resultFileId,
    replyOutgoingId: d.replyOutgoingId,
    sourceOutgoingId: d.sourceOutgoingId,
    intakeItemId: d.intakeItemId ?? null,
    replacedById: d.replacedById ?? null,
    replacedAt: d.replacedAt ?? null,
  };
}

export function toRegistrationDto(r: Registration): RegistrationDto {
  return {
    id: r.document.id,
    incomingNumber: r.document.incomingNumber,
    year: r.document.year,
    registerId: r.document.registerId,
    status: r.document.status,
    urgent: r.urgent,
    replayed: r.replayed,
    likelyDuplicateIds: r.likelyDuplicateIds,
  };
}

export const toListItemDto = ({ document, assignments }: IncomingListItem): IncomingListItemDto => ({
  ...toIncomingDto(document),
  assignments: assignments.map(toAssignmentDto),
});

export function toDetailDto({ document, assignments, timeline }: IncomingDetail): IncomingDetailDto {
  return {
    ...toIncomingDto(document),
    assignments: assignments.map(toAssignmentDto),
    timeline: timeline.map((e) => ({
      at: e.occurredAt,
      actorId: e.actorId,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      data: e.data,
    })),
  };
}

export function toIncomingPageDto(page: CappedPage<IncomingListItem>): IncomingPageDto {
  return mapPage(page, toListItemDto);
}
