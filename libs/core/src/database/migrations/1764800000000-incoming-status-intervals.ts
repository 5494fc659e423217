import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics read an incoming document's past from this table: one row per stretch of time the
 * document spent in one status under one lead (chủ trì) and one due date, `during` = [from, to).
 * "Open and overdue at T" is then `handling @> T AND due_date < date(T)` on a GiST index over the
 * stretches in which someone handles the document (assigned, in progress), whose cost
 * follows the documents open at T, not the years of history; "closed in the week" is a range scan
 * on lower(during). Figures of a past period never change, because they are read from what was
 * recorded before the period's end, with the lead of that time (bench/stats/README.md).
 *
 * The table is kept by a trigger on incoming_event INSERT, so every writer — the services today,
 * any code later — keeps it right in the same transaction. The trigger reads the document's due
 * date and its active lead assignment, which the services write before appending the event.
 * Progress notes that change nothing (in_progress → in_progress) do not open a new stretch.
 *
 * `incoming_status_intervals_rebuild(documents)` rebuilds the rows of some documents (NULL: all)
 * from the events alone (the lead from the assign events' data); the backfill below uses it,
 * and so do bulk loads that bypass the trigger (bench/). An UPDATE of incoming_event.occurred_at
 * (a data fix, test set-up data) re-times the stretches it opened.
 */
export class IncomingStatusIntervals1764800000000 implements MigrationInterface {
  name = 'IncomingStatusIntervals1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE incoming_status_interval (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES incoming_document(id),
        agency_id uuid NOT NULL,
        -- The event that began the stretch, and its action (register, submit, assign, close, reopen…).
        opened_by bigint NOT NULL,
        action varchar(30) NOT NULL,
        status varchar(12) NOT NULL,
        lead_user_id uuid,
        -- The lead unit, or the lead person's unit at that time.
        lead_unit_id uuid,
        previous_lead_user_id uuid,
        previous_lead_unit_id uuid,
        due_date date,
        -- Facts of the document fixed at registration, copied so that counting never joins the
        -- document table: the planner hashed all of it for a month's closings (bench/stats/README.md).
        received_at timestamptz NOT NULL,
        urgency varchar(12) NOT NULL,
        during tstzrange NOT NULL,
        -- The same stretch when someone handles the document (assigned, in progress), else NULL. Its own
        -- column so that its statistics describe only those stretches: the estimate for "handled at T"
        -- over \`during\` counts every closed document's open-ended last stretch and chose a full scan
        -- at 1M documents (bench/stats/README.md).
        handling tstzrange GENERATED ALWAYS AS (CASE WHEN status IN ('assigned', 'in_progress') THEN during END) STORED
      )`);
    await q.query(`CREATE UNIQUE INDEX status_interval_open_once ON incoming_status_interval (document_id) WHERE upper_inf(during)`);
    await q.query(`CREATE INDEX status_interval_document_idx ON incoming_status_interval (document_id, opened_by)`);
    await q.query(`CREATE INDEX status_interval_start_idx ON incoming_status_interval (agency_id, (lower(during)))`);
    await q.query(`
      CREATE INDEX status_interval_handling_gist ON incoming_status_interval USING gist (agency_id, handling)
      WHERE handling IS NOT NULL`);
    await q.query(`CREATE INDEX incoming_agency_received_idx ON incoming_document (agency_id, received_at)`);
    await q.query(TRIGGER_FUNCTION);
    await q.query(`
      CREATE TRIGGER incoming_event_status_interval AFTER INSERT ON incoming_event
      FOR EACH ROW EXECUTE FUNCTION incoming_status_interval_on_event()`);
    await q.query(RETIME_FUNCTION);
    await q.query(`
      CREATE TRIGGER incoming_event_retime_intervals AFTER UPDATE ON incoming_event
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incoming_status_intervals_retime()`);
    await q.query(REBUILD_FUNCTION);
    await q.query(`SELECT incoming_status_intervals_rebuild(NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER incoming_event_retime_intervals ON incoming_event`);
    await q.query(`DROP TRIGGER incoming_event_status_interval ON incoming_event`);
    await q.query(`DROP FUNCTION incoming_status_intervals_rebuild(uuid[])`);
    await q.query(`DROP FUNCTION incoming_status_intervals_retime()`);
    await q.query(`DROP FUNCTION incoming_status_interval_on_event()`);
    await q.query(`DROP INDEX incoming_agency_received_idx`);
    await q.query(`DROP TABLE incoming_status_interval`);
  }
}

/**
 * Closes the document's open stretch at the event's time and opens the next one. Clocks of
 * several API processes may disagree by a little: a stretch never ends before it began. Two
 * events at the same instant (one transaction) leave one stretch: the later event's.
 */
const TRIGGER_FUNCTION = `
  CREATE FUNCTION incoming_status_interval_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    doc record;
    lead record;
    open_row incoming_status_interval%ROWTYPE;
    starts timestamptz := NEW.occurred_at;
    previous_user uuid;
    previous_unit uuid;
  BEGIN
    IF NEW.action = 'progress' AND NEW.from_status IS NOT DISTINCT FROM NEW.to_status THEN
      RETURN NULL;
    END IF;
    SELECT agency_id, due_date, received_at, urgency INTO doc FROM incoming_document WHERE id = NEW.document_id;
    SELECT a.user_id, coalesce(a.unit_id, u.unit_id) AS unit_id INTO lead
      FROM incoming_assignment a LEFT JOIN app_user u ON u.id = a.user_id
     WHERE a.document_id = NEW.document_id AND a.active AND a.role = 'lead';
    SELECT * INTO open_row FROM incoming_status_interval
     WHERE document_id = NEW.document_id AND upper_inf(during) FOR UPDATE;
    IF FOUND THEN
      starts := greatest(NEW.occurred_at, lower(open_row.during));
      IF starts = lower(open_row.during) THEN
        previous_user := open_row.previous_lead_user_id;
        previous_unit := open_row.previous_lead_unit_id;
        DELETE FROM incoming_status_interval WHERE id = open_row.id;
      ELSE
        previous_user := open_row.lead_user_id;
        previous_unit := open_row.lead_unit_id;
        UPDATE incoming_status_interval SET during = tstzrange(lower(during), starts) WHERE id = open_row.id;
      END IF;
    END IF;
    INSERT INTO incoming_status_interval (document_id, agency_id, opened_by, action, status, lead_user_id, lead_unit_id,
                                          previous_lead_user_id, previous_lead_unit_id, due_date, received_at, urgency, during)
    VALUES (NEW.document_id, doc.agency_id, NEW.id, NEW.action, NEW.to_status, lead.user_id, lead.unit_id,
            previous_user, previous_unit, doc.due_date, doc.received_at, doc.urgency, tstzrange(starts, NULL));
    RETURN NULL;
  END $$`;

/** Stretches begin when their event occurred (never before the previous one) and end when the next begins. */
const RETIME_FUNCTION = `
  CREATE FUNCTION incoming_status_intervals_retime() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    WITH documents AS (SELECT DISTINCT document_id FROM changed),
    starts AS (
      SELECT e.id, max(e.occurred_at) OVER (PARTITION BY e.document_id ORDER BY e.id) AS starts
        FROM incoming_event e WHERE e.document_id IN (SELECT document_id FROM documents)
    ),
    timed AS (
      SELECT i.id, s.starts, lead(s.starts) OVER (PARTITION BY i.document_id ORDER BY i.opened_by) AS ends
        FROM incoming_status_interval i JOIN starts s ON s.id = i.opened_by
       WHERE i.document_id IN (SELECT document_id FROM documents)
    )
    UPDATE incoming_status_interval i SET during = tstzrange(t.starts, t.ends)
      FROM timed t WHERE t.id = i.id AND i.during IS DISTINCT FROM tstzrange(t.starts, t.ends);
    RETURN NULL;
  END $$`;

/**
 * The same stretches from the events alone: each event except a progress note that changes
 * nothing opens one; the lead is the one the latest assign event named (data.targets for a
 * leader's direction, data.leadUserId/leadUnitId when a unit's head named the person), a person's
 * unit being their current one; the due date is the latest assign event's data.dueDate, before
 * any assignment the document's own. Intervals of the given documents (NULL: every document)
 * are replaced.
 */
const REBUILD_FUNCTION = `
  CREATE FUNCTION incoming_status_intervals_rebuild(documents uuid[]) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    written bigint;
  BEGIN
    DELETE FROM incoming_status_interval WHERE documents IS NULL OR document_id = ANY(documents);
    WITH events AS (
      SELECT e.id, e.document_id, e.action, e.from_status, e.to_status, e.data,
             max(e.occurred_at) OVER (PARTITION BY e.document_id ORDER BY e.id) AS starts
        FROM incoming_event e
       WHERE documents IS NULL OR e.document_id = ANY(documents)
    ),
    kept AS (
      SELECT ev.*,
             count(*) FILTER (WHERE ev.action = 'assign') OVER (PARTITION BY ev.document_id ORDER BY ev.id) AS direction
        FROM events ev
       WHERE NOT (ev.action = 'progress' AND ev.from_status IS NOT DISTINCT FROM ev.to_status)
    ),
    named AS (
      SELECT k.*,
             CASE WHEN k.action = 'assign' THEN coalesce((k.data->>'leadUserId')::uuid,
               (SELECT (t->>'userId')::uuid FROM jsonb_array_elements(coalesce(k.data->'targets', '[]')) t WHERE t->>'role' = 'lead')) END AS named_user,
             CASE WHEN k.action = 'assign' THEN coalesce((k.data->>'leadUnitId')::uuid,
               (SELECT (t->>'unitId')::uuid FROM jsonb_array_elements(coalesce(k.data->'targets', '[]')) t WHERE t->>'role' = 'lead')) END AS named_unit,
             CASE WHEN k.action = 'assign' THEN (k.data->>'dueDate')::date END AS named_due,
             CASE WHEN k.action = 'assign' AND k.data ? 'dueDate' THEN true END AS names_due
        FROM kept k
    ),
    carried AS (
      SELECT n.id, n.document_id, n.action, n.to_status, n.starts,
             first_value(n.named_user) OVER direction AS lead_user_id,
             first_value(n.named_unit) OVER direction AS named_unit,
             first_value(n.named_due) OVER direction AS named_due,
             first_value(n.names_due) OVER direction AS names_due
        FROM named n
      WINDOW direction AS (PARTITION BY n.document_id, n.direction ORDER BY n.id)
    ),
    resolved AS (
      SELECT c.*, d.agency_id, d.received_at, d.urgency,
             coalesce(c.named_unit, u.unit_id) AS lead_unit_id,
             CASE WHEN c.names_due THEN c.named_due ELSE d.due_date END AS due_date,
             lead(c.starts) OVER (PARTITION BY c.document_id ORDER BY c.id) AS ends
        FROM carried c
        JOIN incoming_document d ON d.id = c.document_id
        LEFT JOIN app_user u ON u.id = c.lead_user_id
    ),
    nonempty AS (
      SELECT r.* FROM resolved r WHERE r.ends IS NULL OR r.ends > r.starts
    )
    INSERT INTO incoming_status_interval (document_id, agency_id, opened_by, action, status, lead_user_id, lead_unit_id,
                                          previous_lead_user_id, previous_lead_unit_id, due_date, received_at, urgency, during)
    SELECT s.document_id, s.agency_id, s.id, s.action, s.to_status, s.lead_user_id, s.lead_unit_id,
           s.previous_user, s.previous_unit, s.due_date, s.received_at, s.urgency, tstzrange(s.starts, s.next_starts)
      FROM (SELECT ne.*, lag(ne.lead_user_id) OVER w AS previous_user, lag(ne.lead_unit_id) OVER w AS previous_unit,
                   lead(ne.starts) OVER w AS next_starts
              FROM nonempty ne
            WINDOW w AS (PARTITION BY ne.document_id ORDER BY ne.id)) s
     -- In time order, as the trigger appends them: a period's rows stay close together on disk.
     ORDER BY s.starts;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
  END $$`;
