import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AxisMessageType } from './axis-client';

export type AxisMessageState = 'sent' | 'stored' | 'acknowledged' | 'refused' | 'lost';

export interface AxisMessageRow {
  id: string;
  axisDocId: string;
  state: AxisMessageState;
  packageId: string | null;
}

export interface AxisDiscrepancy {
  id: string;
  runId: string;
  kind: 'missing_here' | 'missing_on_axis';
  /** A package (`edoc`) or a status message (`status`). */
  messageType: AxisMessageType;
  axisDocId: string | null;
  packageId: string | null;
  documentId: string | null;
  action: 'fetched' | 'resent' | 'failed';
  detail: string | null;
  createdAt: Date;
}

/** The axis area's own SQL: messages by the axis's id, and what the reconciliation found. */
@Injectable()
export class AxisRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recordSent(row: { axisDocId: string; messageType: AxisMessageType; from: string; to: string; documentId: string; statusCode: string | null; packageId: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO exchange_axis_message (direction, message_type, axis_doc_id, from_organ_id, to_organ_id, document_id, status_code, package_id, state)
       VALUES ('sent', $1, $2, $3, $4, $5, $6, $7, 'sent') ON CONFLICT (direction, axis_doc_id) DO NOTHING`,
      [row.messageType, row.axisDocId, row.from, row.to, row.documentId.slice(0, 100), row.statusCode, row.packageId],
    );
  }

  async received(axisDocId: string): Promise<AxisMessageRow | null> {
    const rows: AxisMessageRow[] = await this.dataSource.query(
      `SELECT id, axis_doc_id AS "axisDocId", state, package_id AS "packageId" FROM exchange_axis_message WHERE direction = 'received' AND axis_doc_id = $1`,
      [axisDocId],
    );
    return rows[0] ?? null;
  }

  /** What was taken from the axis, before it is acknowledged: `stored` (done) or `refused` (fail). */
  async recordReceived(row: { axisDocId: string; messageType: AxisMessageType; from: string | null; to: string | null; packageId: string | null; state: 'stored' | 'refused'; error: string | null }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO exchange_axis_message (direction, message_type, axis_doc_id, from_organ_id, to_organ_id, package_id, state, error)
       VALUES ('received', $1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (direction, axis_doc_id) DO UPDATE SET package_id = coalesce(exchange_axis_message.package_id, EXCLUDED.package_id)`,
      [row.messageType, row.axisDocId, row.from?.slice(0, 13) ?? null, row.to?.slice(0, 13) ?? null, row.packageId, row.state, row.error?.slice(0, 500) ?? null],
    );
  }

  async markAcknowledged(axisDocId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE exchange_axis_message SET state = CASE WHEN state = 'refused' THEN state ELSE 'acknowledged' END, acknowledged_at = now()
        WHERE direction = 'received' AND axis_doc_id = $1`,
      [axisDocId],
    );
  }

  /** Every axis id we took (stored, refused or acknowledged): what the axis lists that is not here was lost on our side. */
  async receivedIds(): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT axis_doc_id AS id FROM exchange_axis_message WHERE direction = 'received'`);
    return new Set(rows.map((r) => r.id));
  }

  /** Packages we sent through the axis and still count as there, with the recipient to send again to. */
  async sentPackages(): Promise<{ id: string; axisDocId: string; packageId: string; documentId: string; recipientId: string | null }[]> {
    return this.dataSource.query(
      `SELECT m.id, m.axis_doc_id AS "axisDocId", m.package_id AS "packageId", p.document_id AS "documentId", p.outgoing_recipient_id AS "recipientId"
         FROM exchange_axis_message m JOIN exchange_package p ON p.id = m.package_id
        WHERE m.direction = 'sent' AND m.message_type = 'edoc' AND m.state = 'sent' AND p.state = 'sent'`,
    );
  }

  /** Status messages we sent through the axis and still count as there, with the row to queue again. */
  async sentStatuses(): Promise<{ id: string; axisDocId: string; packageId: string; documentId: string; statusId: string | null; code: string | null }[]> {
    return this.dataSource.query(
      `SELECT m.id, m.axis_doc_id AS "axisDocId", m.package_id AS "packageId", m.document_id AS "documentId", s.id::text AS "statusId", m.status_code AS code
         FROM exchange_axis_message m
         LEFT JOIN exchange_status s ON s.package_id = m.package_id AND s.direction = 'sent' AND s.code = m.status_code AND s.state = 'sent'
        WHERE m.direction = 'sent' AND m.message_type = 'status' AND m.state = 'sent'`,
    );
  }

  /** The axis lost a status we sent: this copy no longer counts, the status is queued to leave again (in its order). */
  async markStatusLost(manager: EntityManager, messageId: string, statusId: string): Promise<void> {
    await manager.query(`UPDATE exchange_axis_message SET state = 'lost', error = 'not listed by the axis' WHERE id = $1`, [messageId]);
    await manager.query(`UPDATE exchange_status SET state = 'queued', last_error = 'not listed by the axis: sent again' WHERE id = $1`, [statusId]);
  }

  /** The axis lost a package we sent: this copy no longer counts, the package is queued to be sent again. */
  async markLost(manager: EntityManager, messageId: string, packageId: string): Promise<void> {
    await manager.query(`UPDATE exchange_axis_message SET state = 'lost', error = 'not listed by the axis' WHERE id = $1`, [messageId]);
    await manager.query(`UPDATE exchange_package SET state = 'queued', last_error = 'not listed by the axis: sent again' WHERE id = $1`, [packageId]);
  }

  async recordDiscrepancy(manager: EntityManager | null, row: Omit<AxisDiscrepancy, 'id' | 'createdAt'>): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO exchange_axis_discrepancy (run_id, kind, message_type, axis_doc_id, package_id, document_id, action, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.runId, row.kind, row.messageType, row.axisDocId, row.packageId, row.documentId?.slice(0, 100) ?? null, row.action, row.detail?.slice(0, 1000) ?? null],
    );
  }

  async discrepancies(limit: number): Promise<AxisDiscrepancy[]> {
    return this.dataSource.query(
      `SELECT id::text, run_id AS "runId", kind, message_type AS "messageType", axis_doc_id AS "axisDocId", package_id AS "packageId", document_id AS "documentId", action, detail, created_at AS "createdAt"
         FROM exchange_axis_discrepancy ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
  }
}
