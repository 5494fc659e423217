import type { FilableDocument } from '@eoffice/documents';
import type { TableReport } from '@eoffice/reports';
import type { FileRecord } from '../entities/file-record.entity';
import type { RecordDocument } from '../entities/record-document.entity';
import { retentionLabel } from '../rules/file-code';

/** The stored PDF of one filed document, as it goes into the export. */
export interface IndexedFile {
  sha256: string;
  sizeBytes: number;
}

export interface RecordIndexDocument {
  /** DocOrdinal: số thứ tự văn bản trong hồ sơ. */
  docOrdinal: number;
  kind: 'incoming' | 'outgoing';
  documentId: string;
  /** TypeName: tên loại văn bản. */
  typeName: string;
  /** CodeNumber + CodeNotation, as printed (số, ký hiệu). */
  numberSymbol: string | null;
  /** IssuedDate: ngày văn bản. */
  issuedDate: string;
  /** OrganName: cơ quan ban hành. */
  organName: string;
  subject: string;
  language: string;
  /** PageAmount: số trang. */
  pageAmount: number;
  confidentiality: string;
  /** The file inside the export PDF (attachment name) and its SHA-256 as stored: byte for byte. */
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** The index of a record with the descriptive fields of Circular 02/2019 (names after its metadata). */
export interface RecordIndex {
  schema: 'eoffice-record-index/1';
  generatedAt: string;
  record: {
    fileCode: string;
    organName: string;
    organCode: string;
    /** FileCatalog: the year of the file list. */
    fileCatalog: number;
    fileNotation: string;
    title: string;
    /** Maintenance: thời hạn bảo quản as words, and as data. */
    maintenance: string;
    permanent: boolean;
    retentionYears: number | null;
    rights: string;
    language: string;
    startDate: string | null;
    endDate: string | null;
    docTotal: number;
    pageTotal: number;
    description: string | null;
    status: string;
    closedAt: string | null;
  };
  documents: RecordIndexDocument[];
}

export interface IndexInput {
  record: FileRecord;
  agency: { name: string; code: string };
  rows: readonly RecordDocument[];
  documents: ReadonlyMap<string, FilableDocument>;
  files: ReadonlyMap<string, IndexedFile>;
  now: Date;
}

export const documentKey = (kind: string, id: string) => `${kind}:${id}`;

export function attachmentName(row: Pick<RecordDocument, 'docOrdinal' | 'documentKind'>): string {
  return `${String(row.docOrdinal).padStart(4, '0')}-${row.documentKind === 'incoming' ? 'van-ban-den' : 'van-ban-di'}.pdf`;
}

export function buildRecordIndex({ record, agency, rows, documents, files, now }: IndexInput): RecordIndex {
  return {
    schema: 'eoffice-record-index/1',
    generatedAt: now.toISOString(),
    record: {
      fileCode: record.fileCode,
      organName: agency.name,
      organCode: agency.code,
      fileCatalog: record.year,
      fileNotation: record.notation,
      title: record.title,
      maintenance: retentionLabel(record),
      permanent: record.permanent,
      retentionYears: record.retentionYears,
      rights: record.rights,
      language: record.language,
      startDate: record.startDate,
      endDate: record.endDate,
      docTotal: record.documentCount,
      pageTotal: record.pageCount,
      description: record.description,
      status: record.status,
      closedAt: record.closedAt?.toISOString() ?? null,
    },
    documents: rows.map((row) => {
      const d = documents.get(documentKey(row.documentKind, row.documentId));
      const file = d?.fileId ? files.get(d.fileId) : undefined;
      if (!d || !file) throw new Error(`record ${record.id}: document ${row.documentKind}/${row.documentId} has no stored PDF`);
      return {
        docOrdinal: row.docOrdinal,
        kind: row.documentKind,
        documentId: row.documentId,
        typeName: d.documentType,
        numberSymbol: d.numberSymbol,
        issuedDate: row.documentDate,
        organName: d.issuingAuthority ?? agency.name,
        subject: d.subject,
        language: 'vi',
        pageAmount: row.pageCount,
        confidentiality: d.confidentiality,
        fileName: attachmentName(row),
        sha256: file.sha256,
        sizeBytes: file.sizeBytes,
      };
    }),
  };
}

/** Mục lục văn bản: the index page printed at the front of the export PDF. */
export function indexReport(index: RecordIndex): TableReport {
  const r = index.record;
  const period = r.startDate && r.endDate ? `Thời gian: từ ${vnDate(r.startDate)} đến ${vnDate(r.endDate)}` : 'Thời gian: —';
  return {
    title: ['MỤC LỤC VĂN BẢN'],
    subtitle: [
      r.organName,
      `Hồ sơ: ${r.title}`,
      `Mã hồ sơ: ${r.fileCode} · Thời hạn bảo quản: ${r.maintenance}`,
      `${period} · ${r.docTotal} văn bản, ${r.pageTotal} trang`,
    ],
    views: [
      {
        name: 'Mục lục',
        columns: [
          { key: 'ordinal', header: 'STT', width: 5, kind: 'number' },
          { key: 'numberSymbol', header: 'Số, ký hiệu', width: 16, kind: 'text' },
          { key: 'date', header: 'Ngày văn bản', width: 12, kind: 'date' },
          { key: 'organ', header: 'Tác giả văn bản', width: 22, kind: 'text' },
          { key: 'subject', header: 'Trích yếu nội dung', width: 44, kind: 'text' },
          { key: 'pages', header: 'Số trang', width: 7, kind: 'number' },
          { key: 'note', header: 'Ghi chú', width: 12, kind: 'text' },
        ],
        rows: index.documents.map((d) => ({
          ordinal: d.docOrdinal,
          numberSymbol: d.numberSymbol,
          date: d.issuedDate,
          organ: d.organName,
          subject: d.subject,
          pages: d.pageAmount,
          note: d.kind === 'incoming' ? 'Văn bản đến' : 'Văn bản đi',
        })),
      },
    ],
  };
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
