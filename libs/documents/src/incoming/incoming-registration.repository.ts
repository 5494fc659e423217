import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { OutboxRow, PreparedStatement } from '@eoffice/core';
import { queryPrepared } from '@eoffice/core';
import { IncomingDocument } from './entities/incoming-document.entity';

/** A file received with the registration, to be recorded with it (its blob is already durable). */
export interface RegistrationFile {
  id: string;
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string | null;
}

export interface RegistrationWrite {
  documentId: string;
  actorId: string;
  /** null: the agency's first active register of the right confidentiality. */
  registerId: string | null;
  confidential: boolean;
  year: number;
  occurredAt: Date;
  /** Columns of the document that come from the request (validated and cleaned by the service). */
  values: Pick<
    IncomingDocument,
    | 'sourceNumberSymbol' | 'sourceDate' | 'issuingAuthority' | 'documentType' | 'subject' | 'urgency' | 'confidentiality'
    | 'receivedVia' | 'receivedAt' | 'dueDate' | 'validUntil' | 'pageCount' | 'scanFileId' | 'originalFileId' | 'idempotencyKey' | 'idempotencyFingerprint'
  >;
  /** The intake item it is registered from (unique: the item's second registration fails on it). */
  intakeItemId?: string | null;
  /** Rows of stored_file to write with the document (the scan and the original, when they came with it). */
  newFiles: RegistrationFile[];
  /** Merged into the audit entry's data, beside the number, year and register. */
  auditData: Record<string, unknown>;
  job: { name: string; payload: Record<string, unknown>; options?: Record<string, unknown> };
}

const RETURNED = [
  'id', 'agency_id', 'register_id', 'year', 'incoming_number', 'status', 'source_number_symbol', 'source_date', 'issuing_authority',
  'document_type', 'subject', 'urgency', 'confidentiality', 'received_via', 'received_at', 'due_date', 'valid_until', 'page_count', 'scan_file_id',
  'scan_image_file_id', 'original_file_id', 'registered_by', 'source_outgoing_id', 'submitted_to', 'instruction', 'closed_at', 'closed_by',
  'result_note', 'result_file_id', 'reply_outgoing_id', 'text_extracted_at', 'intake_item_id', 'created_at', 'updated_at',
];

/** Prepared (parsed and planned once per connection): every registration sends it (issue 13.10). */
const REGISTRATION: PreparedStatement = {
  name: 'incoming_registration',
  text: `WITH clerk AS (
     SELECT u.id, agency.id AS agency_id
       FROM app_user u JOIN unit own ON own.id = u.unit_id JOIN unit agency ON agency.id = own.agency_id
      WHERE u.id = $1::uuid AND u.active),
   reg AS (
     SELECT r.id, c.agency_id FROM register r JOIN clerk c ON r.agency_id = c.agency_id
      WHERE r.kind = 'incoming' AND r.active AND r.confidential = $3::boolean AND ($2::uuid IS NULL OR r.id = $2::uuid)
      ORDER BY r.created_at LIMIT 1),
   counter AS (
     INSERT INTO register_counter (register_id, year, last_number) SELECT id, $4::int, 1 FROM reg
     ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_counter.last_number + 1
     RETURNING register_id, last_number),
   files AS (
     INSERT INTO stored_file (id, storage_key, sha256, size_bytes, mime_type, original_name, uploaded_by)
     SELECT f.id, f.storage_key, f.sha256, f.size_bytes, f.mime_type, f.original_name, $1::uuid
       FROM jsonb_to_recordset($5::jsonb) AS f(id uuid, storage_key text, sha256 text, size_bytes bigint, mime_type text, original_name text)
      WHERE EXISTS (SELECT 1 FROM counter)
     RETURNING id),
   doc AS (
     INSERT INTO incoming_document (id, agency_id, register_id, year, incoming_number, status, source_number_symbol, source_date,
       issuing_authority, document_type, subject, urgency, confidentiality, received_via, received_at, due_date, page_count,
       scan_file_id, original_file_id, registered_by, idempotency_key, idempotency_fingerprint, intake_item_id, valid_until)
     SELECT $6::uuid, reg.agency_id, n.register_id, $4::int, n.last_number, 'registered', $7::text, $8::date, $9::text, $10::text,
            $11::text, $12::text, $13::text, $14::text, $15::timestamptz, $16::date, $17::int, $18::uuid, $19::uuid, $1::uuid, $20::text, $21::text, $26::uuid, $27::date
       FROM counter n JOIN reg ON reg.id = n.register_id
     RETURNING ${RETURNED.join(', ')}),
   event AS (
     INSERT INTO incoming_event (document_id, occurred_at, actor_id, action, from_status, to_status, note, data)
     SELECT d.id, $22::timestamptz, $1::uuid, 'register', NULL, 'registered', NULL,
            jsonb_build_object('incomingNumber', d.incoming_number, 'year', d.year, 'registerId', d.register_id)
       FROM doc d),
   audit AS (
     INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, data)
     SELECT $22::timestamptz, $1::uuid, 'incoming.registered', 'incoming_document', d.id::text,
            jsonb_build_object('incomingNumber', d.incoming_number, 'year', d.year, 'registerId', d.register_id) || $23::jsonb
       FROM doc d),
   job AS (
     INSERT INTO job_outbox (name, payload, options) SELECT $24::text, $25::jsonb, $28::jsonb FROM doc
     RETURNING id::text AS id, name, payload, options)
   SELECT d.*, row_to_json(job) AS job FROM doc d, job`,
};

/**
 * Vào sổ: the whole registration as ONE statement, committed on its own. Its files, the document
 * with the next number, the timeline event, the audit entry (unsealed; the sealer chains it) and
 * the scan job's outbox row are written together or not at all, and the register's counter row
 * is locked only from this statement until its commit, one round trip, instead of across the
 * nine statements of a transaction that took the number first (issue 13.10: that capped a register
 * at about 70 registrations/s whatever the CPU). A rollback still undoes the number with the rest,
 * so numbers stay gap-free.
 *
 * The statement also decides what used to be read before it, from the same snapshot: the clerk
 * is still active, the agency of their unit, and the register (the one named, or the agency's
 * default) is an active incoming register of that agency with the document's confidentiality.
 * When any of these fails it writes nothing and answers null; the service then says why. A register
 * closed, or a clerk deactivated, by a transaction that commits after this statement began is
 * ordered after the registration, as it would be had the registration come a moment earlier.
 */
@Injectable()
export class IncomingRegistrationRepository {
  constructor(@InjectRepository(IncomingDocument) private readonly repo: Repository<IncomingDocument>) {}

  async write(w: RegistrationWrite): Promise<{ document: IncomingDocument; job: OutboxRow } | null> {
    const v = w.values;
    const rows = await queryPrepared<Record<string, unknown>>(
      this.repo.manager.connection,
      REGISTRATION,
      [
        w.actorId, w.registerId, w.confidential, w.year, JSON.stringify(w.newFiles.map(toFileRow)), w.documentId,
        v.sourceNumberSymbol, v.sourceDate, v.issuingAuthority, v.documentType, v.subject, v.urgency, v.confidentiality, v.receivedVia,
        v.receivedAt, v.dueDate, v.pageCount, v.scanFileId, v.originalFileId, v.idempotencyKey, v.idempotencyFingerprint,
        w.occurredAt, JSON.stringify(w.auditData), w.job.name, JSON.stringify(w.job.payload), w.intakeItemId ?? null, v.validUntil ?? null,
        JSON.stringify(w.job.options ?? {}),
      ],
    );
    if (rows.length === 0) return null;
    const { job, ...row } = rows[0];
    return { document: this.hydrate(row), job: job as OutboxRow };
  }

  /** A raw row as TypeORM would have loaded it (dates as 'YYYY-MM-DD', timestamps as Date). */
  private hydrate(row: Record<string, unknown>): IncomingDocument {
    const driver = this.repo.manager.connection.driver;
    const document = this.repo.create();
    for (const column of this.repo.metadata.columns) {
      if (column.databaseName in row) column.setEntityValue(document, driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return document;
  }
}

function toFileRow(f: RegistrationFile) {
  return { id: f.id, storage_key: f.storageKey, sha256: f.sha256, size_bytes: f.sizeBytes, mime_type: f.mimeType, original_name: f.originalName };
}
