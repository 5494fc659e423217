import type { Handover, HandoverDetail } from '@eoffice/records';
import type { HandoverDetailDto, HandoverDto } from './dto/handovers.dto';

export const toHandoverDto = (h: Handover): HandoverDto => ({
  id: h.id, agencyId: h.agencyId, title: h.title, status: h.status, createdBy: h.createdBy,
  approvedBy: h.approvedBy, approvedAt: h.approvedAt, packagedAt: h.packagedAt, createdAt: h.createdAt,
});

export const toHandoverDetailDto = ({ handover, lines }: HandoverDetail): HandoverDetailDto => ({
  ...toHandoverDto(handover),
  records: lines.map(({ line, record }) => ({
    ordinal: line.ordinal, recordId: record.id, fileCode: record.fileCode, title: record.title, recordStatus: record.status,
    documentCount: record.documentCount, pageCount: record.pageCount, packagePath: line.packagePath,
    payloadBytes: line.payloadBytes === null ? null : Number(line.payloadBytes), payloadFiles: line.payloadFiles,
    payloadOxum: line.payloadOxum, packagedAt: line.packagedAt,
  })),
});
