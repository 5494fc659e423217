import type { CompanionFile, CompanionRole, FilableDocument } from '@eoffice/documents';
import type { TableReport } from '@eoffice/reports';
import type { FileRecord } from '../entities/file-record.entity';
import type { RecordDocument } from '../entities/record-document.entity';
import { retentionLabel } from '../rules/file-code';

/** A stored file of one filed document, as it goes into the export. */
export interface IndexedFile {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string | null;
}

/** `document` the document's own PDF; the others travel with it (CompanionRole, libs/documents filing). */
export type IndexedFileRole = 'document' | CompanionRole;

/** One file of a filed document inside the export and the package: byte for byte as stored. */
export interface RecordIndexFile {
  role: IndexedFileRole;
  /** The attachment's name in the export PDF, the file's under `data/documents/` in the package. */
  fileName: string;
  /** The appendix's title (phụ lục), else null. */
  title: string | null;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  /** The stored file (GET /files/:id), for the archive's own lookups. */
  fileId: string;
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
  /** Every file of the document in the export: its PDF first, then its original, result file, appendices and (when the record asks) drafts. */
  files: RecordIndexFile[];
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
    /** The record asks for its outgoing documents' drafts (every version) to be filed with them. */
    includeDrafts: boolean;
  };
  documents: RecordIndexDocument[];
}

export interface IndexInput {
  record: FileRecord;
  agency: { name: string; code: string };
  rows: readonly RecordDocument[];
  documents: ReadonlyMap<string, FilableDocument>;
  files: ReadonlyMap<string, IndexedFile>;
  /** The documents' companion files (FilableDocuments.companions), in their order. */
  companions: readonly CompanionFile[];
  now: Date;
}

export const documentKey = (kind: string, id: string) => `${kind}:${id}`;

export function attachmentName(row: Pick<RecordDocument, 'docOrdinal' | 'documentKind'>): string {
  return `${String(row.docOrdinal).padStart(4, '0')}-${row.documentKind === 'incoming' ? 'van-ban-den' : 'van-ban-di'}.pdf`;
}

const ROLE_NAMES: Record<CompanionRole, (position: number) => string> = {
  original: () => 'ban-goc',
  result: () => 'ket-qua',
  appendix: (n) => `phu-luc-${String(n).padStart(2, '0')}`,
  draft: (n) => `du-thao-v${n}`,
  'draft-pdf': (n) => `du-thao-v${n}-pdf`,
};
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'application/xml': 'xml', 'text/xml': 'xml', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx', 'application/vnd.oasis.opendocument.text': 'odt',
  'application/msword': 'doc', 'application/zip': 'zip',
};

/** `0001-van-ban-di.phu-luc-01.pdf`: the document's name, the role, and the extension of the file as stored. */
export function companionName(main: string, role: CompanionRole, position: number, file: Pick<IndexedFile, 'mimeType' | 'originalName'>): string {
  const own = /\.([A-Za-z0-9]{1,8})$/.exec(file.originalName ?? '')?.[1]?.toLowerCase();
  const extension = EXTENSIONS[file.mimeType.split(';')[0].trim()] ?? own ?? 'bin';
  return `${main.replace(/\.pdf$/, '')}.${ROLE_NAMES[role](position)}.${extension}`;
}

export function buildRecordIndex({ record, agency, rows, documents, files, companions, now }: IndexInput): RecordIndex {
  const companionsOf = new Map<string, CompanionFile[]>();
  for (const c of companions) {
    const key = documentKey(c.kind, c.documentId);
    companionsOf.set(key, [...(companionsOf.get(key) ?? []), c]);
  }
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
      includeDrafts: record.includeDrafts,
    },
    documents: rows.map((row) => {
      const d = documents.get(documentKey(row.documentKind, row.documentId));
      const file = d?.fileId ? files.get(d.fileId) : undefined;
      if (!d || !file) throw new Error(`record ${record.id}: document ${row.documentKind}/${row.documentId} has no stored PDF`);
      const fileName = attachmentName(row);
      const others = (companionsOf.get(documentKey(row.documentKind, row.documentId)) ?? []).map((c): RecordIndexFile => {
        const stored = files.get(c.fileId);
        if (!stored) throw new Error(`record ${record.id}: stored file ${c.fileId} of ${row.documentKind}/${row.documentId} is missing`);
        return { role: c.role, fileName: companionName(fileName, c.role, c.position, stored), title: c.title, mimeType: stored.mimeType, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileId: c.fileId };
      });
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
        fileName,
        sha256: file.sha256,
        sizeBytes: file.sizeBytes,
        files: [{ role: 'document', fileName, title: null, mimeType: file.mimeType, sha256: file.sha256, sizeBytes: file.sizeBytes, fileId: d.fileId! }, ...others],
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
          { key: 'subject', header: 'Trích yếu nội dung', width: 38, kind: 'text' },
          { key: 'pages', header: 'Số trang', width: 7, kind: 'number' },
          { key: 'note', header: 'Ghi chú', width: 18, kind: 'text' },
        ],
        rows: index.documents.map((d) => ({
          ordinal: d.docOrdinal,
          numberSymbol: d.numberSymbol,
          date: d.issuedDate,
          organ: d.organName,
          subject: d.subject,
          pages: d.pageAmount,
          note: [d.kind === 'incoming' ? 'Văn bản đến' : 'Văn bản đi', ...noteOf(d.files)].join('; '),
        })),
      },
    ],
  };
}

/** "2 phụ lục", "kết quả", "3 dự thảo": what travels with the document, in words on the index page. */
function noteOf(files: readonly RecordIndexFile[]): string[] {
  const count = (role: IndexedFileRole) => files.filter((f) => f.role === role).length;
  const drafts = count('draft');
  return [
    ...(count('original') ? ['bản gốc điện tử'] : []),
    ...(count('result') ? ['kết quả xử lý'] : []),
    ...(count('appendix') ? [`${count('appendix')} phụ lục`] : []),
    ...(drafts ? [`${drafts} dự thảo`] : []),
  ];
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
