import { isBeingHandled } from '@eoffice/documents';
import { mapPage, type Page } from '@eoffice/core';
import type { OutgoingAppendix, OutgoingDetail, OutgoingDocument, OutgoingEvent, OutgoingRecipient, OutgoingVersion, PluginSigningSession, PreparedSignatureRequest, RecipientProgress, RemoteSigningView } from '@eoffice/documents';
import type {
  AppendixDto, OutgoingDetailDto, OutgoingDto, OutgoingPageDto, OutgoingRecipientDto, OutgoingTimelineEventDto, OutgoingVersionDto,
  PaperRecipientSentDto, PluginSigningSessionDto, PreparedSignatureDto, RemoteSigningDto,
} from './dto/outgoing-responses.dto';

export function toOutgoingDto(d: OutgoingDocument): OutgoingDto {
  return {
    id: d.id,
    status: d.status,
    reviewStage: d.reviewStage,
    signedOnPaper: d.signedOnPaper ?? false,
    agencyId: d.agencyId,
    draftingUnitId: d.draftingUnitId,
    authorId: d.authorId,
    documentType: d.documentType,
    subject: d.subject,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    signerId: d.signerId,
    signingTitle: d.signingTitle,
    signingAuthority: d.signingAuthority
      ? { kind: d.signingAuthority, notation: d.signingTitle ?? '', authorityTitle: d.authorityTitle ?? '', signerTitle: d.signerTitle, delegationId: d.signingDelegationId }
      : null,
    replyToIncomingId: d.replyToIncomingId,
    closesIncoming: d.closesIncoming,
    replacesId: d.replacesId,
    replacedById: d.replacedById ?? null,
    validUntil: d.validUntil ?? null,
    signedAt: d.signedAt,
    registerId: d.registerId,
    year: d.year,
    number: d.outgoingNumber,
    numberSymbol: d.numberSymbol,
    issuedAt: d.issuedAt,
    issuedBy: d.issuedBy,
    dispatchedAt: d.dispatchedAt,
    recalledAt: d.recalledAt,
    recallReason: d.recallReason,
    longTermLevel: d.longTermLevel ?? null,
    longTermWarning: d.longTermWarning ?? null,
    /** When the words of the current PDF last went to search (null until the worker has read it). */
    textExtractedAt: d.textExtractedAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toAppendixDto(a: OutgoingAppendix): AppendixDto {
  return { id: a.id, position: a.position, title: a.title, issued: a.issuedFileId !== null, longTermLevel: a.longTermLevel ?? null, createdBy: a.createdBy, createdAt: a.createdAt };
}

function toVersionDto(v: OutgoingVersion): OutgoingVersionDto {
  return {
    versionNumber: v.versionNumber,
    sourceFileId: v.sourceFileId,
    pdfFileId: v.pdfFileId,
    conversion: v.conversion,
    conversionError: v.conversionError,
    conversionJobId: v.conversionJobId,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  };
}

/** Per recipient: delivered or sent, and for internal ones how far their copy has got (received, assigned, done). */
function toRecipientDto(r: RecipientProgress): OutgoingRecipientDto {
  return {
    id: r.id,
    kind: r.kind,
    unitId: r.unitId,
    organId: r.organId,
    exchangeStatus: r.exchangeStatus,
    exchangeStatusAt: r.exchangeStatusAt,
    name: r.name,
    email: r.email,
    delivery: r.delivery,
    deliveredAt: r.deliveredAt,
    attempts: r.attempts,
    lastError: r.lastError,
    incomingDocumentId: r.incomingDocumentId,
    handling: r.kind === 'agency' ? handlingOfStatus(r.exchangeStatus) : handlingOf(r.incomingStatus),
    incomingNumber: r.incomingNumber,
    returnReason: r.returnReason,
    recalledAt: r.recalledAt,
    paperSentBy: r.paperSentBy,
  };
}

export function toPaperRecipientDto(r: OutgoingRecipient): PaperRecipientSentDto {
  return { id: r.id, kind: r.kind, name: r.name, delivery: r.delivery, deliveredAt: r.deliveredAt, paperSentBy: r.paperSentBy };
}

/** An outside agency's copy, from the status messages it sent back: the same words as for internal copies. */
function handlingOfStatus(code: string | null): string | null {
  // 13 our recall on its way, 15 the recipient accepted it, 16 it refused (its copy was closed already).
  const words: Record<string, string> = { '01': 'received', '03': 'received', '04': 'received', '05': 'assigned', '06': 'done', '02': 'returned', '13': 'recalling', '15': 'recalled', '16': 'recall_refused' };
  return code === null ? null : (words[code] ?? code);
}

function handlingOf(status: string | null): string | null {
  if (status === null) return null;
  if (status === 'closed') return 'done';
  if (isBeingHandled(status)) return 'assigned';
  if (status === 'registered' || status === 'submitted') return 'received';
  return status;
}

function toEventDto(e: OutgoingEvent): OutgoingTimelineEventDto {
  return { action: e.action, actorId: e.actorId, at: e.occurredAt, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, data: e.data };
}

export function toOutgoingDetailDto({ document, versions, appendices, recipients, timeline, remoteSigning }: OutgoingDetail): OutgoingDetailDto {
  return {
    ...toOutgoingDto(document),
    versions: versions.map(toVersionDto),
    appendices: appendices.map(toAppendixDto),
    recipients: recipients.map(toRecipientDto),
    timeline: timeline.map(toEventDto),
    remoteSigning: remoteSigning ? toRemoteSigningDto(remoteSigning) : null,
  };
}

export function toRemoteSigningDto(v: RemoteSigningView): RemoteSigningDto {
  return {
    sessionId: v.sessionId, status: v.status, transactionId: v.transactionId, documentRef: v.documentRef, waitingSince: v.waitingSince,
    expiresAt: v.expiresAt, finishedAt: v.finishedAt, failureCode: v.failureCode, message: v.message,
  };
}

export function toOutgoingPageDto(page: Page<OutgoingDocument>): OutgoingPageDto {
  return mapPage(page, toOutgoingDto);
}

export function toPreparedSignatureDto(p: PreparedSignatureRequest): PreparedSignatureDto {
  return { sessionId: p.sessionId, digest: p.digest, digestAlgorithm: p.digestAlgorithm, signedAttributes: p.signedAttributes, expiresAt: p.expiresAt };
}

export function toPluginSessionDto(s: PluginSigningSession): PluginSigningSessionDto {
  return { sessionId: s.sessionId, pdfPath: s.pdfPath, expiresAt: s.expiresAt };
}
