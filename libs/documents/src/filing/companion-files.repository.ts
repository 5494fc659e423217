import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * What travels with a filed document besides its own PDF (issue 15.2: "incoming and outgoing
 * documents and their attachments, result files, drafts when the record asks for them"):
 * `original` the electronic original an incoming document arrived with (beside its scan), `result`
 * the result file its handler closed it with, `appendix` an outgoing document's appendix in a
 * separate file (phụ lục; as issued when it was), `draft` every version of its draft as uploaded and
 * `draft-pdf` that version's PDF when the upload was a docx/odt.
 */
export type CompanionRole = 'original' | 'result' | 'appendix' | 'draft' | 'draft-pdf';

export interface CompanionFile {
  kind: 'incoming' | 'outgoing';
  documentId: string;
  role: CompanionRole;
  /** 1 for the single ones; the appendix's position or the draft's version number. */
  position: number;
  /** The appendix's title, else null. */
  title: string | null;
  fileId: string;
}

const INCOMING = `
  SELECT 'incoming' AS kind, i.id AS document_id, 'original' AS role, 1 AS position, NULL AS title, i.original_file_id AS file_id
    FROM incoming_document i WHERE i.id = ANY($1::uuid[]) AND i.original_file_id IS NOT NULL AND i.original_file_id <> i.scan_file_id
  UNION ALL
  SELECT 'incoming', i.id, 'result', 1, NULL, i.result_file_id
    FROM incoming_document i WHERE i.id = ANY($1::uuid[]) AND i.result_file_id IS NOT NULL`;

const APPENDICES = `
  SELECT 'outgoing' AS kind, a.document_id, 'appendix' AS role, a.position, a.title, coalesce(a.issued_file_id, a.file_id) AS file_id
    FROM outgoing_appendix a WHERE a.document_id = ANY($1::uuid[])`;

const DRAFTS = `
  SELECT 'outgoing' AS kind, v.document_id, 'draft' AS role, v.version_number AS position, NULL AS title, v.source_file_id AS file_id
    FROM outgoing_version v WHERE v.document_id = ANY($1::uuid[])
  UNION ALL
  SELECT 'outgoing', v.document_id, 'draft-pdf', v.version_number, NULL, v.pdf_file_id
    FROM outgoing_version v WHERE v.document_id = ANY($1::uuid[]) AND v.pdf_file_id IS NOT NULL AND v.pdf_file_id <> v.source_file_id`;

const ROLE_ORDER: Record<CompanionRole, number> = { original: 0, result: 1, appendix: 2, draft: 3, 'draft-pdf': 4 };

interface Row { kind: 'incoming' | 'outgoing'; document_id: string; role: CompanionRole; position: number; title: string | null; file_id: string }

/** The companion files of many documents: one query per kind (a record holds thousands of documents). */
@Injectable()
export class CompanionFilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async of(refs: readonly { kind: 'incoming' | 'outgoing'; id: string }[], withDrafts: boolean): Promise<CompanionFile[]> {
    const ids = (kind: 'incoming' | 'outgoing') => refs.filter((r) => r.kind === kind).map((r) => r.id);
    const incoming = ids('incoming');
    const outgoing = ids('outgoing');
    const rows: Row[] = [
      ...(incoming.length ? ((await this.dataSource.query(INCOMING, [incoming])) as Row[]) : []),
      ...(outgoing.length ? ((await this.dataSource.query(withDrafts ? `${APPENDICES} UNION ALL ${DRAFTS}` : APPENDICES, [outgoing])) as Row[]) : []),
    ];
    return rows
      .map((r) => ({ kind: r.kind, documentId: r.document_id, role: r.role, position: Number(r.position), title: r.title, fileId: r.file_id }))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.position - b.position);
  }
}
