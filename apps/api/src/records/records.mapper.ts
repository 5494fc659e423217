import type { FileList, FileListDetail, FileListEntry, FileRecord, FiledDocument, RecordDetail, RecordDocument, ToFileItem } from '@eoffice/records';
import { retentionEnd, retentionLabel } from '@eoffice/records';
import type { FilableDocument } from '@eoffice/documents';
import type { FileListDetailDto, FileListDto, FileListEntryDto } from './dto/file-lists.dto';
import type { FiledDocumentDto, FiledDocumentSummaryDto, FilingDto, RecordDetailDto, RecordDto, ToFileItemDto } from './dto/records.dto';

export const toFileListDto = (l: FileList): FileListDto => ({
  id: l.id, agencyId: l.agencyId, year: l.year, title: l.title, status: l.status, createdBy: l.createdBy, approvedBy: l.approvedBy, approvedAt: l.approvedAt, createdAt: l.createdAt,
});

export const toEntryDto = (e: FileListEntry & { recordId?: string | null }): FileListEntryDto => ({
  id: e.id, fileListId: e.fileListId, notation: e.notation, title: e.title, permanent: e.permanent, retentionYears: e.retentionYears,
  retention: retentionLabel(e), unitId: e.unitId, personInChargeId: e.personInChargeId, addedAfterApproval: e.addedAfterApproval, recordId: e.recordId ?? null,
});

export const toFileListDetailDto = ({ list, entries }: FileListDetail): FileListDetailDto => ({ ...toFileListDto(list), entries: entries.map(toEntryDto) });

export const toRecordDto = (r: FileRecord): RecordDto => ({
  id: r.id, agencyId: r.agencyId, year: r.year, fileCode: r.fileCode, notation: r.notation, title: r.title, permanent: r.permanent,
  retentionYears: r.retentionYears, retention: retentionLabel(r), rights: r.rights, language: r.language, description: r.description, includeDrafts: r.includeDrafts,
  unitId: r.unitId, ownerId: r.ownerId, fileListEntryId: r.fileListEntryId, status: r.status, documentCount: r.documentCount,
  pageCount: r.pageCount, startDate: r.startDate, endDate: r.endDate, closedAt: r.closedAt, closedBy: r.closedBy,
  retentionEnd: retentionEnd(r), destroyedAt: r.destroyedAt, createdAt: r.createdAt,
});

const toSummary = (d: FilableDocument): FiledDocumentSummaryDto => ({
  kind: d.kind, id: d.id, documentType: d.documentType, numberSymbol: d.numberSymbol, documentDate: d.documentDate,
  issuingAuthority: d.issuingAuthority, subject: d.subject, confidentiality: d.confidentiality, status: d.status,
});

const toFiledDto = ({ filed, document }: FiledDocument): FiledDocumentDto => ({
  ...toSummary(document), docOrdinal: filed.docOrdinal, pageCount: filed.pageCount, filedBy: filed.filedBy, filedAt: filed.filedAt,
});

export const toRecordDetailDto = ({ record, documents, hiddenDocuments }: RecordDetail): RecordDetailDto => ({
  ...toRecordDto(record), documents: documents.map(toFiledDto), hiddenDocuments,
});

export const toFilingDto = (f: RecordDocument): FilingDto => ({
  recordId: f.recordId, kind: f.documentKind, documentId: f.documentId, docOrdinal: f.docOrdinal, pageCount: f.pageCount, filedAt: f.filedAt,
});

export const toToFileItemDto = ({ document, finishedAt }: ToFileItem): ToFileItemDto => ({ ...toSummary(document), finishedAt });
