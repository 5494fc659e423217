import type { EntityManager } from 'typeorm';

/**
 * What a record's destruction reaches (docs/records.md, "What is destroyed"). The documents are the
 * record's documents no other record still alive holds. Of each, every file goes: an incoming
 * document's scan, original, scan image and result file; an outgoing one's drafts (every version's
 * source and PDF), signed and issued PDFs, appendices (as drafted and as issued) and prepared signing
 * copies. A file another document outside the destruction still points at (an internal recipient's
 * copy shares the issued PDF's row) is kept.
 */
const DOCUMENTS = `
  SELECT d.document_kind AS kind, d.document_id AS id FROM record_document d
   WHERE d.record_id = $1
     AND NOT EXISTS (SELECT 1 FROM record_document x JOIN file_record r ON r.id = x.record_id
                      WHERE x.document_kind = d.document_kind AND x.document_id = d.document_id
                        AND x.record_id <> d.record_id AND r.status <> 'destroyed')`;

const FILES = `
  WITH docs AS (${DOCUMENTS}),
  files AS (
    SELECT unnest(ARRAY[i.scan_file_id, i.original_file_id, i.scan_image_file_id, i.result_file_id]) AS id
      FROM incoming_document i JOIN docs ON docs.kind = 'incoming' AND docs.id = i.id
    UNION SELECT unnest(ARRAY[o.signed_file_id, o.issued_file_id, o.text_file_id])
      FROM outgoing_document o JOIN docs ON docs.kind = 'outgoing' AND docs.id = o.id
    UNION SELECT unnest(ARRAY[v.source_file_id, v.pdf_file_id])
      FROM outgoing_version v JOIN docs ON docs.kind = 'outgoing' AND docs.id = v.document_id
    UNION SELECT unnest(ARRAY[a.file_id, a.issued_file_id])
      FROM outgoing_appendix a JOIN docs ON docs.kind = 'outgoing' AND docs.id = a.document_id
    UNION SELECT s.prepared_file_id
      FROM outgoing_signing_session s JOIN docs ON docs.kind = 'outgoing' AND docs.id = s.document_id
  )
  SELECT f.id FROM files f
   WHERE f.id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM incoming_document i
                      WHERE f.id IN (i.scan_file_id, i.original_file_id, i.result_file_id)
                        AND NOT EXISTS (SELECT 1 FROM docs WHERE docs.kind = 'incoming' AND docs.id = i.id))
     AND NOT EXISTS (SELECT 1 FROM outgoing_document o
                      WHERE f.id IN (o.signed_file_id, o.issued_file_id)
                        AND NOT EXISTS (SELECT 1 FROM docs WHERE docs.kind = 'outgoing' AND docs.id = o.id))`;

/**
 * Personal data in the documents' rows, blanked: the free text where citizens' names, addresses and
 * phone numbers sit (the text read out of the PDF, instructions, result notes, recall reasons, the
 * notes of each step) and the viewers' IP addresses and browsers. What the register book must keep
 * stays: number, date, issuing authority, subject, and the staff ids of who acted.
 */
const PERSONAL_DATA = [
  `UPDATE incoming_document SET extracted_text = NULL, instruction = NULL, result_note = NULL
    WHERE id IN (SELECT id FROM docs WHERE kind = 'incoming')`,
  `UPDATE incoming_assignment SET instruction = NULL WHERE document_id IN (SELECT id FROM docs WHERE kind = 'incoming') AND instruction IS NOT NULL`,
  `UPDATE incoming_event SET note = NULL WHERE document_id IN (SELECT id FROM docs WHERE kind = 'incoming') AND note IS NOT NULL`,
  `UPDATE outgoing_document SET extracted_text = NULL, recall_reason = NULL WHERE id IN (SELECT id FROM docs WHERE kind = 'outgoing')`,
  `UPDATE outgoing_event SET note = NULL WHERE document_id IN (SELECT id FROM docs WHERE kind = 'outgoing') AND note IS NOT NULL`,
  `UPDATE document_view v SET ip = NULL, user_agent = NULL FROM docs
    WHERE v.document_kind = docs.kind AND v.document_id = docs.id AND (v.ip IS NOT NULL OR v.user_agent IS NOT NULL)`,
];

export interface DestroyedContent {
  /** Documents filed in the record (all of them, shared ones included). */
  documents: number;
  /** Stored files marked destroyed. */
  files: number;
  /** Keys whose bytes no live stored file shares any more: to delete from the store. */
  storageKeys: string[];
}

/**
 * Marks the record's unshared documents' files destroyed and blanks the personal data in their rows,
 * in the caller's transaction. The bytes are the caller's to delete after the commit.
 */
export async function destroyRecordContent(manager: EntityManager, recordId: string): Promise<DestroyedContent> {
  const ids = ((await manager.query(FILES, [recordId])) as { id: string }[]).map((f) => f.id);
  for (const statement of PERSONAL_DATA) await manager.query(`WITH docs AS (${DOCUMENTS}) ${statement}`, [recordId]);
  const documents: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM record_document WHERE record_id = $1`, [recordId]);
  if (ids.length) await manager.query(`UPDATE stored_file SET destroyed_at = now() WHERE id = ANY($1::uuid[]) AND destroyed_at IS NULL`, [ids]);
  // Content-addressed bytes another live stored file still points at are never removed.
  const keys: { storage_key: string }[] = await manager.query(
    `SELECT DISTINCT s.storage_key FROM stored_file s
      WHERE s.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM stored_file o WHERE o.storage_key = s.storage_key AND o.destroyed_at IS NULL)
      ORDER BY s.storage_key`,
    [ids],
  );
  return { documents: Number(documents[0].n), files: ids.length, storageKeys: keys.map((k) => k.storage_key) };
}
