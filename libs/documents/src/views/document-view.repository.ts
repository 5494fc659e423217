import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type ViewedKind = 'incoming' | 'outgoing';
export type ViewAction = 'detail' | 'file' | 'export';

/** A view as the request saw it; a file view may not know its document yet (resolved when written). */
export interface PendingView {
  documentKind: ViewedKind | null;
  documentId: string | null;
  viewerId: string;
  action: ViewAction;
  fileId: string | null;
  viewedAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface DocumentView {
  id: string;
  viewerId: string;
  viewerName: string;
  action: ViewAction;
  fileId: string | null;
  viewedAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Incoming and outgoing columns and tables that hold a document's files. */
const FILE_OWNERS = `
  SELECT 'incoming' AS kind, d.id FROM incoming_document d
   WHERE v.file_id IN (d.scan_file_id, d.scan_image_file_id, d.original_file_id, d.result_file_id)
  UNION SELECT 'outgoing', d.id FROM outgoing_document d WHERE v.file_id IN (d.signed_file_id, d.issued_file_id)
  UNION SELECT 'outgoing', x.document_id FROM outgoing_version x WHERE v.file_id IN (x.source_file_id, x.pdf_file_id)
  UNION SELECT 'outgoing', x.document_id FROM outgoing_appendix x WHERE v.file_id IN (x.file_id, x.issued_file_id)`;

@Injectable()
export class DocumentViewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for a whole batch. A view of a file (GET /files/:id) is written once for each
   * document the file belongs to; a file of no document (a stand-alone upload) leaves no line.
   */
  async insertMany(views: PendingView[]): Promise<void> {
    if (views.length === 0) return;
    await this.dataSource.query(
      `WITH v AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(document_kind text, document_id uuid, viewer_id uuid, action text,
                                                        file_id uuid, viewed_at timestamptz, ip text, user_agent text)
       )
       INSERT INTO document_view (document_kind, document_id, viewer_id, action, file_id, viewed_at, ip, user_agent)
       SELECT coalesce(v.document_kind, o.kind), coalesce(v.document_id, o.id), v.viewer_id, v.action, v.file_id, v.viewed_at,
              left(v.ip, 64), left(v.user_agent, 300)
         FROM v LEFT JOIN LATERAL (${FILE_OWNERS}) o ON v.document_id IS NULL
        WHERE v.document_id IS NOT NULL OR o.id IS NOT NULL`,
      [
        JSON.stringify(
          views.map((w) => ({
            document_kind: w.documentKind, document_id: w.documentId, viewer_id: w.viewerId, action: w.action,
            file_id: w.fileId, viewed_at: w.viewedAt.toISOString(), ip: w.ip, user_agent: w.userAgent,
          })),
        ),
      ],
    );
  }

  async page(kind: ViewedKind, documentId: string, page: number, pageSize: number): Promise<{ items: DocumentView[]; total: number }> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM document_view WHERE document_kind = $1 AND document_id = $2`,
      [kind, documentId],
    );
    const items: DocumentView[] = await this.dataSource.query(
      `SELECT v.id, v.viewer_id AS "viewerId", u.full_name AS "viewerName", v.action, v.file_id AS "fileId",
              v.viewed_at AS "viewedAt", v.ip, v.user_agent AS "userAgent"
         FROM document_view v JOIN app_user u ON u.id = v.viewer_id
        WHERE v.document_kind = $1 AND v.document_id = $2
        ORDER BY v.viewed_at DESC, v.id DESC
        LIMIT $3 OFFSET $4`,
      [kind, documentId, pageSize, (page - 1) * pageSize],
    );
    return { items, total };
  }

  /** Every view of these documents, oldest first, grouped by document: the access history an archive package keeps. */
  async historiesOf(kind: ViewedKind, documentIds: string[]): Promise<Map<string, DocumentView[]>> {
    const byDocument = new Map<string, DocumentView[]>(documentIds.map((id) => [id, []]));
    if (documentIds.length === 0) return byDocument;
    const rows: (DocumentView & { documentId: string })[] = await this.dataSource.query(
      `SELECT v.document_id AS "documentId", v.id, v.viewer_id AS "viewerId", u.full_name AS "viewerName", v.action,
              v.file_id AS "fileId", v.viewed_at AS "viewedAt", v.ip, v.user_agent AS "userAgent"
         FROM document_view v JOIN app_user u ON u.id = v.viewer_id
        WHERE v.document_kind = $1 AND v.document_id = ANY($2::uuid[])
        ORDER BY v.viewed_at, v.id`,
      [kind, documentIds],
    );
    for (const { documentId, ...view } of rows) byDocument.get(documentId)?.push(view);
    return byDocument;
  }
}
