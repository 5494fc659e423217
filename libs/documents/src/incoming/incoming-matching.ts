import { Brackets, SelectQueryBuilder } from 'typeorm';
import type { IncomingDocument } from './entities/incoming-document.entity';
import type { IncomingFilter } from './incoming-query';
import type { IncomingScope } from './incoming-scope';
import { BEING_HANDLED_SQL } from './incoming-lifecycle';

// The conditions of the incoming lists and searches, shared by the repositories that build them.

const TODAY_VN = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

// OFFSET 0 keeps each EXISTS a probe of assignment_document_idx for the rows actually read:
// without it PostgreSQL may turn it into a hashed sub-plan that first loads every active
// assignment of the person or units, however few rows the page needs (bench/incoming).
const assigned = (condition: string) => `EXISTS (SELECT 1 FROM incoming_assignment a WHERE a.document_id = d.id AND a.active AND ${condition} OFFSET 0)`;

/**
 * The scope's condition on `d`, one OR arm each, with the parameters :scopeUser, :scopeAgencies and
 * :scopeUnits. Cheap column tests first: PostgreSQL keeps the order of OR arms, and the EXISTS probes
 * cost a lookup per row (bench/incoming: count 4–5 s → 0.5–0.7 s at 1M documents).
 */
const SCOPE_ARMS = [
  `d.registered_by = :scopeUser OR d.submitted_to = :scopeUser`,
  `d.confidentiality = 'normal' AND d.agency_id = ANY(:scopeAgencies)`,
  assigned('a.user_id = :scopeUser'),
  `d.confidentiality = 'normal' AND ${assigned('a.unit_id = ANY(:scopeUnits)')}`,
];

/** Only what the scope sees (docs/authorization.md). */
export function visibleTo(qb: SelectQueryBuilder<IncomingDocument>, scope: IncomingScope): SelectQueryBuilder<IncomingDocument> {
  const [first, ...others] = SCOPE_ARMS;
  return qb.where(
    new Brackets((w) => {
      w.where(first);
      for (const arm of others) w.orWhere(arm);
    }),
    { scopeUser: scope.userId, scopeAgencies: scope.wholeAgencyIds, scopeUnits: scope.unitIds },
  );
}

/**
 * The same condition for a raw statement (one that runs on every request, where building it with
 * the query builder costs more than running it): its text with the scope's three values as the
 * parameters `$from`, `$from + 1` and `$from + 2`, and those values in that order.
 */
export function visibleToSql(scope: IncomingScope, from: number): { sql: string; parameters: [string, string[], string[]] } {
  const names = { scopeUser: `$${from}::uuid`, scopeAgencies: `$${from + 1}::uuid[]`, scopeUnits: `$${from + 2}::uuid[]` };
  const sql = `(${SCOPE_ARMS.map((arm) => `(${arm})`).join(' OR ')})`.replace(/:(scopeUser|scopeAgencies|scopeUnits)\b/g, (_m, name: keyof typeof names) => names[name]);
  return { sql, parameters: [scope.userId, scope.wholeAgencyIds, scope.unitIds] };
}

/** The filters of GET /incoming, as conditions on `d`. */
export function applyIncomingFilter(qb: SelectQueryBuilder<IncomingDocument>, f: IncomingFilter): void {
  if (f.status?.length) qb.andWhere('d.status = ANY(:status)', { status: f.status });
  if (f.urgency?.length) qb.andWhere('d.urgency = ANY(:urgency)', { urgency: f.urgency });
  if (f.registerId) qb.andWhere('d.register_id = :registerId', { registerId: f.registerId });
  if (f.documentType) qb.andWhere('d.document_type = :documentType', { documentType: f.documentType });
  if (f.issuingAuthority) {
    qb.andWhere('eoffice_fold(d.issuing_authority) LIKE eoffice_fold(:issuer)', { issuer: `%${escapeLike(f.issuingAuthority)}%` });
  }
  if (f.from) qb.andWhere(`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= :from`, { from: f.from });
  if (f.to) qb.andWhere(`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= :to`, { to: f.to });
  if (f.overdue) qb.andWhere(`d.status IN ${BEING_HANDLED_SQL} AND d.due_date < ${TODAY_VN}`);
  if (f.dueWithinDays !== undefined) {
    qb.andWhere(`d.status IN ${BEING_HANDLED_SQL} AND d.due_date BETWEEN ${TODAY_VN} AND ${TODAY_VN} + :days::int`, {
      days: f.dueWithinDays,
    });
  }
  if (f.assigneeUserId) {
    qb.andWhere('EXISTS (SELECT 1 FROM incoming_assignment f WHERE f.document_id = d.id AND f.active AND f.user_id = :fu)', {
      fu: f.assigneeUserId,
    });
  }
  if (f.assigneeUnitId) {
    qb.andWhere('EXISTS (SELECT 1 FROM incoming_assignment f WHERE f.document_id = d.id AND f.active AND f.unit_id = :fn)', {
      fn: f.assigneeUnitId,
    });
  }
  if (f.waitingFor) {
    qb.andWhere(
      `((d.status = 'registered' AND (d.registered_by = :wUser OR (d.registered_by IS NULL AND d.agency_id = ANY(:wClerkAgencies))))
        OR (d.status = 'submitted' AND d.submitted_to = :wUser)
        OR (d.status IN ${BEING_HANDLED_SQL} AND EXISTS (
              SELECT 1 FROM incoming_assignment w WHERE w.document_id = d.id AND w.active AND w.role <> 'informed'
                AND (w.user_id = :wUser OR (w.user_id IS NULL AND w.unit_id = ANY(:wUnits))))))`,
      { wUser: f.waitingFor.userId, wUnits: f.waitingFor.unitIds, wClerkAgencies: f.waitingFor.clerkAgencyIds },
    );
  }
  if (f.q) {
    // Diacritics-insensitive match through the trigram index on search_folded.
    qb.andWhere(`d.search_folded LIKE '%' || eoffice_fold(:qLike) || '%'`, { qLike: escapeLike(f.q), q: f.q });
  }
}

export function escapeLike(text: string): string {
return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
