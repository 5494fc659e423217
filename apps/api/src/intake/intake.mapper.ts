import type { IntakeItemView, IntakePage, IntakeRegistration } from '@eoffice/documents';
import { toRegistrationDto } from '../incoming/incoming.mapper';
import type { IntakeItemDto, IntakePageDto, IntakeRegistrationDto } from './dto/intake-responses.dto';

export function toIntakeItemDto({ item, files, document }: IntakeItemView): IntakeItemDto {
  return {
    id: item.id,
    channel: item.channel,
    sourceId: item.sourceId,
    messageId: item.messageId,
    sender: item.sender,
    senderName: item.senderName,
    title: item.title,
    receivedAt: item.receivedAt,
    state: item.state,
    flags: item.flags,
    proposal: item.proposal,
    messageFileId: item.messageFileId,
    files: files.map((f) => ({
      position: f.position,
      fileId: f.fileId,
      originalName: f.originalName,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      flags: f.flags,
      verification: f.verification,
    })),
    document,
    corrections: item.corrections as IntakeItemDto['corrections'],
    decidedBy: item.decidedBy,
    decidedAt: item.decidedAt,
    reason: item.reason,
    replacesItemId: item.replacesItemId ?? null,
  };
}

export function toIntakePageDto(page: IntakePage): IntakePageDto {
  return { ...page, items: page.items.map(toIntakeItemDto) };
}

export function toIntakeRegistrationDto(view: IntakeItemView, r: IntakeRegistration): IntakeRegistrationDto {
  return { item: toIntakeItemDto(view), registration: toRegistrationDto(r.registration) };
}
