// The incoming-documents seeding shared by the benchmarks (bench/incoming, bench/backups): documents
// written with SQL in the shape the application writes them (numbers consecutive per register and
// year, assignments, timeline events), a real scan in the file store shared by all of them, and
// secondary indexes rebuilt as the migrations define them.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client as PgClient } from 'pg';
import { Installation, log, seconds } from './installation';

export const TZ = 'Asia/Ho_Chi_Minh';


// ---------------------------------------------------------------------------------------------
// Realistic material: Vietnamese subjects, issuers, symbols (shared by the SQL seed and the API load)
// ---------------------------------------------------------------------------------------------

export const PREFIXES = [
  'Về việc', 'V/v', 'Hướng dẫn', 'Triển khai', 'Báo cáo kết quả', 'Đề nghị báo cáo', 'Tổ chức', 'Kế hoạch',
  'Thông báo', 'Góp ý dự thảo văn bản về', 'Tăng cường', 'Kiểm tra', 'Tổng kết', 'Sơ kết',
];
export const TOPICS = [
  'tuyển sinh vào lớp 10 trung học phổ thông', 'tuyển sinh đại học, cao đẳng hệ chính quy',
  'kỳ thi tốt nghiệp trung học phổ thông', 'kỳ thi chọn học sinh giỏi cấp tỉnh', 'bồi dưỡng thường xuyên giáo viên',
  'kiểm định chất lượng giáo dục và công nhận trường đạt chuẩn quốc gia', 'chuyển đổi số trong ngành giáo dục',
  'ứng dụng công nghệ thông tin trong quản lý trường học', 'công tác thi đua, khen thưởng', 'tuyển dụng viên chức giáo dục',
  'bổ nhiệm lại cán bộ quản lý', 'nâng bậc lương thường xuyên', 'quyết toán ngân sách', 'dự toán ngân sách nhà nước',
  'mua sắm thiết bị dạy học tối thiểu', 'sách giáo khoa theo chương trình giáo dục phổ thông 2018',
  'phòng, chống dịch bệnh trong trường học', 'an toàn giao thông cho học sinh', 'phòng, chống đuối nước trẻ em',
  'y tế trường học và bảo hiểm y tế học sinh', 'phổ cập giáo dục, xóa mù chữ', 'giáo dục hòa nhập cho học sinh khuyết tật',
  'hoạt động trải nghiệm, hướng nghiệp', 'giáo dục kỹ năng sống', 'an ninh trật tự trong trường học',
  'phòng cháy, chữa cháy', 'cải cách hành chính', 'thực hành tiết kiệm, chống lãng phí', 'phòng, chống tham nhũng',
  'tiếp công dân và giải quyết khiếu nại, tố cáo', 'công tác dân vận', 'nhiệm vụ năm học', 'biên chế và vị trí việc làm',
  'đánh giá, xếp loại viên chức', 'hội thi giáo viên dạy giỏi', 'cơ sở vật chất trường học',
  'chế độ chính sách đối với nhà giáo', 'miễn, giảm học phí', 'chương trình giáo dục địa phương', 'dạy và học ngoại ngữ',
  'thống kê giáo dục', 'bảo vệ môi trường',
];
export const SUFFIXES = [
  '', '', ' năm học {sy}', ' năm {y}', ' trên địa bàn tỉnh', ' đợt 1', ' đợt 2', ' tại các trường trung học phổ thông',
  ' học kỳ I năm học {sy}', ' học kỳ II năm học {sy}', ' giai đoạn 2021-2025', ' của ngành giáo dục tỉnh Tây Ninh',
];
export const ISSUERS: [string, string][] = [
  ['UBND tỉnh Tây Ninh', 'UBND-VX'], ['UBND tỉnh Tây Ninh', 'QĐ-UBND'], ['UBND tỉnh Tây Ninh', 'KH-UBND'],
  ['Bộ Giáo dục và Đào tạo', 'BGDĐT-GDTrH'], ['Bộ Giáo dục và Đào tạo', 'BGDĐT-NGCBQLGD'], ['Bộ Giáo dục và Đào tạo', 'TT-BGDĐT'],
  ['Sở Nội vụ tỉnh Tây Ninh', 'SNV-CCVC'], ['Sở Tài chính tỉnh Tây Ninh', 'STC-HCSN'], ['Sở Y tế tỉnh Tây Ninh', 'SYT-NVY'],
  ['Công an tỉnh Tây Ninh', 'CAT-PV01'], ['Hội đồng nhân dân tỉnh Tây Ninh', 'HĐND-VP'], ['Tỉnh ủy Tây Ninh', 'TU-BTGTU'],
  ['UBND thành phố Tây Ninh', 'UBND-GDĐT'], ['UBND thị xã Trảng Bàng', 'UBND-VX'], ['Bảo hiểm xã hội tỉnh Tây Ninh', 'BHXH-QLT'],
  ['Kho bạc Nhà nước Tây Ninh', 'KBNN-KSC'], ['Trường Đại học Sư phạm Thành phố Hồ Chí Minh', 'ĐHSP-ĐT'],
  ['Sở Lao động - Thương binh và Xã hội tỉnh Tây Ninh', 'SLĐTBXH-GDNN'],
];
export const DOC_TYPES = [
  'Công văn', 'Công văn', 'Công văn', 'Công văn', 'Công văn', 'Công văn', 'Công văn', 'Công văn', 'Quyết định', 'Quyết định',
  'Kế hoạch', 'Kế hoạch', 'Thông báo', 'Thông báo', 'Báo cáo', 'Tờ trình', 'Giấy mời', 'Giấy mời', 'Chỉ thị', 'Thông tư', 'Hướng dẫn',
];
export const INSTRUCTIONS = [
  'Giao phòng chủ trì tham mưu, báo cáo trước hạn.', 'Đề nghị nghiên cứu, đề xuất hướng xử lý.',
  'Phối hợp triển khai, báo cáo kết quả về Văn phòng Sở.', 'Xử lý theo quy định.',
];
export const RESULTS = ['Đã xử lý, lưu hồ sơ.', 'Đã ban hành văn bản trả lời.', 'Đã triển khai đến các đơn vị.', 'Đã báo cáo lãnh đạo Sở.'];

export const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];
// ---------------------------------------------------------------------------------------------
// Seeding with SQL
// ---------------------------------------------------------------------------------------------

export interface Org {
  agency: string;
  units: { VP: string; GDTRH: string; TCCB: string; school: string };
  people: { clerk: string; leader: string; leadership: string; unitLeader: string; officer: string; officer2: string };
  usernames: { clerk: string; leader: string; leadership: string; officer: string };
  registers: { normal: string; confidential: string };
  scanFileId: string;
}

export const uuid = (value: string) => {
  if (!/^[0-9a-f-]{36}$/.test(value)) throw new Error(`not a uuid: ${value}`);
  return `'${value}'::uuid`;
};

export async function loadOrg(db: PgClient, inst: Installation): Promise<Org> {
  const units = (await db.query(`SELECT id, code, kind, parent_id FROM unit`)).rows as { id: string; code: string; kind: string; parent_id: string | null }[];
  const agency = units.find((u) => u.kind === 'agency' && u.parent_id === null);
  const unit = (code: string) => {
    const found = units.find((u) => u.code === code);
    if (!found) throw new Error(`demo unit ${code} missing`);
    return found.id;
  };
  if (!agency) throw new Error('demo agency missing');
  const users = (await db.query(`SELECT id, username, unit_id, roles FROM app_user WHERE active`)).rows as {
    id: string; username: string; unit_id: string; roles: string[];
  }[];
  const user = (test: (u: (typeof users)[number]) => boolean, what: string) => {
    const found = users.find(test);
    if (!found) throw new Error(`demo person (${what}) missing`);
    return found;
  };
  const clerk = user((u) => u.username === 'bangnv', 'clerk bangnv');
  const leader = user((u) => u.username === 'tuyettta', 'leader tuyettta');
  const officer = user((u) => u.username === 'huydq', 'officer huydq');
  const leadership = user((u) => u.roles.includes('leadership'), 'leadership');
  const unitLeader = user((u) => u.roles.includes('leader') && u.unit_id === unit('GDTRH'), 'GDTRH leader');
  const officer2 = user((u) => u.roles.includes('officer') && u.unit_id === unit('TCCB'), 'TCCB officer');
  const registers = (await db.query(`SELECT id, code FROM register WHERE agency_id = $1 AND kind = 'incoming'`, [agency.id])).rows as { id: string; code: string }[];
  const register = (code: string) => {
    const found = registers.find((r) => r.code === code);
    if (!found) throw new Error(`register ${code} missing`);
    return found.id;
  };

  // One real scan in the file store, shared by every seeded document (fixity would pass on it).
  const pdf = await makePdf('Van ban den - ban quet mau (benchmark)');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const key = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  mkdirSync(dirname(join(inst.fileStoreDir, key)), { recursive: true });
  writeFileSync(join(inst.fileStoreDir, key), pdf);
  const file = await db.query(
    `INSERT INTO stored_file (storage_key, sha256, size_bytes, mime_type, original_name, uploaded_by) VALUES ($1, $2, $3, 'application/pdf', 'scan.pdf', $4) RETURNING id`,
    [key, sha256, pdf.length, clerk.id],
  );
  return {
    agency: agency.id,
    units: { VP: unit('VP'), GDTRH: unit('GDTRH'), TCCB: unit('TCCB'), school: unit('THPTTDN') },
    people: { clerk: clerk.id, leader: leader.id, leadership: leadership.id, unitLeader: unitLeader.id, officer: officer.id, officer2: officer2.id },
    usernames: { clerk: clerk.username, leader: leader.username, leadership: leadership.username, officer: officer.username },
    registers: { normal: register('DEN'), confidential: register('DEN-MAT') },
    scanFileId: file.rows[0].id,
  };
}

/** Kinds of staged documents: history (closed, some returned/recalled) and the open work of today. */
export type Mode = 'history' | 'registered' | 'submitted' | 'working';

export const STAGE_DDL = `
  CREATE UNLOGGED TABLE IF NOT EXISTS bench_stage (
    id uuid PRIMARY KEY, status varchar(12), register_id uuid, year int, incoming_number int, received_at timestamptz,
    source_number_symbol varchar(50), source_date date, issuing_authority varchar(200), document_type varchar(100),
    subject varchar(1000), urgency varchar(12), confidentiality varchar(12), received_via varchar(8), due_date date,
    page_count int, submitted_to uuid, instruction text, closed_at timestamptz, closed_by uuid, result_note text,
    lead_idx int, coord_idx int, informed boolean, reassigned boolean, assigned_at timestamptz, progress_at timestamptz)`;

/**
 * Assignment targets, by index: three people (officers, unit leader) and four units (lead unit
 * without a named person: whoever handles the unit sees it).
 */
export function targets(org: Org) {
  const users = [org.people.officer, org.people.officer2, org.people.unitLeader, null, null, null, null];
  const units = [null, null, null, org.units.GDTRH, org.units.TCCB, org.units.VP, org.units.school];
  const arr = (list: (string | null)[]) => `ARRAY[${list.map((v) => (v ? uuid(v) : 'NULL::uuid')).join(', ')}]`;
  // Who reports progress / closes for each target.
  const actors = [org.people.officer, org.people.officer2, org.people.unitLeader, org.people.officer, org.people.officer2, org.people.unitLeader, org.people.leader];
  return { users: arr(users), units: arr(units), actors: arr(actors) };
}

/** Runs SQL written with @name placeholders (clearer than $13 in a long statement). */
export function named(db: PgClient, sql: string, values: Record<string, unknown>) {
  const order: string[] = [];
  const text = sql.replace(/@([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for @${name}`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return db.query(text, order.map((name) => values[name]));
}

/** Fills bench_stage with `n` documents of one kind; numbers continue each register/year series. */
export async function stage(db: PgClient, org: Org, n: number, mode: Mode, minDays: number, maxDays: number, leadIdx: number | null): Promise<void> {
  const today = `(now() AT TIME ZONE '${TZ}')::date`;
  const status = {
    history: `CASE WHEN r3 < 0.015 THEN 'returned' WHEN r3 < 0.025 THEN 'recalled' ELSE 'closed' END`,
    registered: `'registered'`,
    submitted: `'submitted'`,
    working: `CASE WHEN r3 < 0.5 THEN 'assigned' ELSE 'in_progress' END`,
  }[mode];
  const confidentiality = mode === 'history' ? `CASE WHEN r4 < 0.015 THEN 'confidential' WHEN r4 < 0.02 THEN 'secret' ELSE 'normal' END` : `'normal'`;
  const dueDate = {
    history: `CASE WHEN r14 < 0.6 THEN day + (7 + floor(r15 * 14))::int END`,
    registered: `CASE WHEN r14 < 0.5 THEN day + 10 END`,
    submitted: `CASE WHEN r14 < 0.5 THEN day + 10 END`,
    working: `greatest(day + 3, ${today} + (-10 + floor(r14 * 30))::int)`,
  }[mode];
  await named(
    db,
    `INSERT INTO bench_stage
     SELECT gen_random_uuid(), status, register_id, year,
            row_number() OVER (PARTITION BY register_id, year ORDER BY received_at, g)
              + coalesce((SELECT c.last_number FROM register_counter c WHERE c.register_id = w.register_id AND c.year = w.year), 0),
            received_at, source_number_symbol, source_date, issuing_authority, document_type, subject, urgency, confidentiality,
            received_via, due_date, page_count, submitted_to, instruction, closed_at,
            CASE WHEN closed_at IS NOT NULL THEN (${targets(org).actors})[lead_idx + 1] END,
            CASE WHEN closed_at IS NOT NULL AND r24 < 0.7 THEN (@results::text[])[1 + floor(r24 / 0.7 * array_length(@results, 1))::int] END,
            lead_idx, coord_idx, informed, reassigned, assigned_at, progress_at
       FROM (
         SELECT v.*,
                CASE WHEN status = 'closed' THEN least(assigned_at + (1 + r16 * 20) * interval '1 day', now()) END AS closed_at,
                CASE WHEN status = 'closed' AND r22 < 0.5 THEN assigned_at + (least(assigned_at + (1 + r16 * 20) * interval '1 day', now()) - assigned_at) / 2
                     WHEN status = 'in_progress' THEN assigned_at + (now() - assigned_at) / 2 END AS progress_at
           FROM (
             SELECT u.*,
                    CASE WHEN lead_idx IS NOT NULL THEN least(received_at + (2 + r21 * 46) * interval '1 hour', now() - interval '1 minute') END AS assigned_at,
                    CASE WHEN lead_idx IS NOT NULL AND r18 < 0.4 THEN (lead_idx + 1 + floor(r19 * 5)::int) % 7 END AS coord_idx,
                    lead_idx IS NOT NULL AND r20 < 0.3 AS informed,
                    lead_idx IS NOT NULL AND r23 < 0.05 AS reassigned,
                    CASE WHEN lead_idx IS NOT NULL AND r23 < 0.5 THEN (@instructions::text[])[1 + floor(r23 * 2 * array_length(@instructions, 1))::int] END AS instruction,
                    CASE WHEN status <> 'registered' AND status <> 'returned' THEN ${uuid(org.people.leader)} END AS submitted_to,
                    CASE WHEN confidentiality = 'normal' THEN ${uuid(org.registers.normal)} ELSE ${uuid(org.registers.confidential)} END AS register_id,
                    extract(year FROM received_at AT TIME ZONE '${TZ}')::int AS year
               FROM (
                 SELECT t.*,
                        CASE WHEN status IN ('closed', 'assigned', 'in_progress') THEN coalesce(@lead::int,
                          CASE WHEN r17 < 0.2 THEN 0 WHEN r17 < 0.4 THEN 1 WHEN r17 < 0.5 THEN 2 WHEN r17 < 0.65 THEN 3
                               WHEN r17 < 0.8 THEN 4 WHEN r17 < 0.9 THEN 5 ELSE 6 END) END AS lead_idx,
                        least(((day + time '07:30') + r2 * interval '9 hours') AT TIME ZONE '${TZ}', now() - interval '5 minutes') AS received_at,
                        -- source numbers restart every year: low numbers are the most frequent
                        (1 + floor(r9 * r9 * 3500))::int || '/' || (@symbols::text[])[issuer] AS source_number_symbol,
                        day - floor(r7 * 8)::int AS source_date,
                        (@issuers::text[])[issuer] AS issuing_authority,
                        (@types::text[])[1 + floor(r10 * array_length(@types, 1))::int] AS document_type,
                        (@prefixes::text[])[1 + floor(r11 * array_length(@prefixes, 1))::int] || ' ' || (@topics::text[])[1 + floor(r12 * array_length(@topics, 1))::int]
                          || replace(replace((@suffixes::text[])[1 + floor(r13 * array_length(@suffixes, 1))::int], '{sy}',
                               CASE WHEN extract(month FROM day) >= 8 THEN extract(year FROM day)::int || '-' || extract(year FROM day)::int + 1
                                    ELSE extract(year FROM day)::int - 1 || '-' || extract(year FROM day)::int END),
                             '{y}', extract(year FROM day)::int::text) AS subject,
                        CASE WHEN r5 < 0.85 THEN 'normal' WHEN r5 < 0.95 THEN 'urgent' WHEN r5 < 0.99 THEN 'very_urgent' ELSE 'flash' END AS urgency,
                        CASE WHEN r6 < 0.3 THEN 'paper' WHEN r6 < 0.5 THEN 'email' WHEN r6 < 0.95 THEN 'system' ELSE 'edxml' END AS received_via,
                        ${dueDate} AS due_date,
                        1 + floor(r15 * r15 * 20)::int AS page_count
                   FROM (
                     SELECT s.*, ${status} AS status, ${confidentiality} AS confidentiality,
                            1 + floor(r8 * array_length(@issuers::text[], 1))::int AS issuer,
                            d0 - CASE extract(isodow FROM d0) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END AS day
                       FROM (
                         SELECT g, ${today} - (@minDays::int + floor(random() * (@maxDays::int - @minDays::int + 1)))::int AS d0,
                                random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9,
                                random() r10, random() r11, random() r12, random() r13, random() r14, random() r15, random() r16,
                                random() r17, random() r18, random() r19, random() r20, random() r21, random() r22, random() r23, random() r24
                           FROM generate_series(1, @n::int) g OFFSET 0
                       ) s
                   ) t
               ) u
           ) v
       ) w`,
    {
      n, minDays, maxDays, lead: leadIdx, issuers: ISSUERS.map((i) => i[0]), symbols: ISSUERS.map((i) => i[1]), types: DOC_TYPES,
      prefixes: PREFIXES, topics: TOPICS, instructions: INSTRUCTIONS, results: RESULTS, suffixes: SUFFIXES,
    },
  );
}

/** Moves bench_stage into the application's tables: documents, counters, assignments, events. */
export async function flushStage(db: PgClient, org: Org): Promise<void> {
  const t = targets(org);
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO incoming_document (id, agency_id, register_id, year, incoming_number, status, source_number_symbol, source_date,
       issuing_authority, document_type, subject, urgency, confidentiality, received_via, received_at, due_date, page_count,
       scan_file_id, registered_by, submitted_to, instruction, closed_at, closed_by, result_note, created_at, updated_at)
     SELECT id, ${uuid(org.agency)}, register_id, year, incoming_number, status, source_number_symbol, source_date,
            issuing_authority, document_type, subject, urgency, confidentiality, received_via, received_at, due_date, page_count,
            ${uuid(org.scanFileId)}, ${uuid(org.people.clerk)}, submitted_to, instruction, closed_at, closed_by, result_note,
            received_at, coalesce(closed_at, progress_at, assigned_at, received_at)
       FROM bench_stage ORDER BY received_at`,
  );
  await db.query(
    `INSERT INTO register_counter (register_id, year, last_number)
     SELECT register_id, year, max(incoming_number) FROM bench_stage GROUP BY register_id, year
     ON CONFLICT (register_id, year) DO UPDATE SET last_number = greatest(register_counter.last_number, excluded.last_number)`,
  );
  await db.query(
    `INSERT INTO incoming_assignment (document_id, role, user_id, unit_id, due_date, instruction, assigned_by, assigned_at, progress_percent, active)
     SELECT id, 'lead', (${t.users})[lead_idx + 1], (${t.units})[lead_idx + 1], due_date, instruction, ${uuid(org.people.leader)}, assigned_at,
            CASE status WHEN 'closed' THEN 100 WHEN 'in_progress' THEN 50 END, true
       FROM bench_stage WHERE lead_idx IS NOT NULL
     UNION ALL -- an earlier direction, replaced by the current one (kept inactive as history)
     SELECT id, 'lead', (${t.users})[(lead_idx + 3) % 7 + 1], (${t.units})[(lead_idx + 3) % 7 + 1], due_date, NULL, ${uuid(org.people.leader)},
            assigned_at - interval '1 hour', NULL, false
       FROM bench_stage WHERE reassigned
     UNION ALL
     SELECT id, 'coordinator', (${t.users})[coord_idx + 1], (${t.units})[coord_idx + 1], due_date, NULL, ${uuid(org.people.leader)}, assigned_at, NULL, true
       FROM bench_stage WHERE coord_idx IS NOT NULL
     UNION ALL
     SELECT id, 'informed', ${uuid(org.people.leadership)}, NULL, NULL, NULL, ${uuid(org.people.leader)}, assigned_at, NULL, true
       FROM bench_stage WHERE informed`,
  );
  await db.query(
    `INSERT INTO incoming_event (document_id, occurred_at, actor_id, action, from_status, to_status, note, data)
     SELECT id, received_at, ${uuid(org.people.clerk)}, 'register', NULL, 'registered', NULL,
            jsonb_build_object('incomingNumber', incoming_number, 'year', year, 'registerId', register_id)
       FROM bench_stage
     UNION ALL
     SELECT id, least(received_at + interval '1 hour', now()), ${uuid(org.people.clerk)}, 'submit', 'registered', 'submitted', NULL,
            jsonb_build_object('leaderId', submitted_to)
       FROM bench_stage WHERE submitted_to IS NOT NULL
     UNION ALL
     SELECT id, assigned_at, ${uuid(org.people.leader)}, 'assign', 'submitted', 'assigned', instruction, jsonb_build_object('dueDate', due_date)
       FROM bench_stage WHERE lead_idx IS NOT NULL
     UNION ALL
     SELECT id, progress_at, (${t.actors})[lead_idx + 1], 'progress', 'assigned', 'in_progress', 'Đang triển khai, tổng hợp báo cáo.',
            jsonb_build_object('percent', 50)
       FROM bench_stage WHERE progress_at IS NOT NULL
     UNION ALL
     SELECT id, closed_at, closed_by, 'close', CASE WHEN progress_at IS NULL THEN 'assigned' ELSE 'in_progress' END, 'closed', result_note,
            jsonb_build_object('onTime', due_date IS NULL OR (closed_at AT TIME ZONE '${TZ}')::date <= due_date, 'dueDate', due_date)
       FROM bench_stage WHERE status = 'closed'
     UNION ALL
     SELECT id, least(received_at + interval '3 hours', now()), ${uuid(org.people.clerk)}, 'return', 'registered', 'returned',
            'Văn bản gửi nhầm địa chỉ, trả lại nơi gửi.', '{}'::jsonb
       FROM bench_stage WHERE status = 'returned'
     UNION ALL
     SELECT id, least(received_at + interval '1 day', now()), NULL, 'recall', 'submitted', 'recalled', 'Cơ quan gửi thu hồi văn bản.', '{}'::jsonb
       FROM bench_stage WHERE status = 'recalled'`,
  );
  await db.query('COMMIT');
  await db.query('TRUNCATE bench_stage');
}

export interface IndexDef {
  name: string;
  def: string;
}

/** Secondary indexes of the three big tables (not those backing a constraint), as the migrations made them. */
export async function secondaryIndexes(db: PgClient): Promise<IndexDef[]> {
  const { rows } = await db.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname IN ('incoming_document', 'incoming_assignment', 'incoming_event') AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`,
  );
  return rows as IndexDef[];
}

export async function count(db: PgClient, table: string): Promise<number> {
  return Number((await db.query(`SELECT count(*)::bigint AS n FROM ${table}`)).rows[0].n);
}

/**
 * Brings incoming_document to `target` rows. The first call also seeds today's open work (a few
 * dozen items waiting for each demo person), which then stays the same whatever the total: only
 * history (closed, returned, recalled documents over ~5 years) is added afterwards.
 */
export async function seedTo(db: PgClient, org: Org, target: number, first: boolean, batch = 100_000): Promise<{ ms: number; indexMs: number }> {
  const start = Date.now();
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET work_mem = '256MB'`);
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(`SET max_parallel_maintenance_workers = 2`);
  await db.query(STAGE_DDL);
  // Bulk load: secondary indexes are dropped and built again afterwards, exactly as the migrations
  // defined them (definitions read from the catalogue). Primary keys and unique constraints stay.
  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  // The status-interval row trigger looks each event's document up in incoming_assignment, whose
  // document index is dropped above: one sequential scan per event, quadratic in the documents
  // (20,000 took minutes). It is off during the load and the intervals are rebuilt in one statement
  // after the indexes, by the function the migration itself uses.
  await db.query(`ALTER TABLE incoming_event DISABLE TRIGGER incoming_event_status_interval`);
  if (first) {
    await db.query(`SELECT setseed(0.4242)`);
    // Open work: [mode, count, received between minDays and maxDays ago, lead target index]
    const open: [Mode, number, number, number, number | null][] = [
      ['registered', 30, 0, 3, null], // the clerk's inbox: to submit
      ['submitted', 40, 0, 7, null], // the leader's inbox: to assign
      ['working', 30, 1, 120, 0], // huydq leads
      ['working', 30, 1, 120, 1], // lanvt leads
      ['working', 15, 1, 120, 2], // the GDTRH unit leader leads
      ['working', 15, 1, 120, 3], // unit GDTRH leads (no person named)
      ['working', 15, 1, 120, 4], // unit TCCB
      ['working', 10, 1, 120, 5], // unit VP
      ['working', 15, 1, 120, 6], // the attached school
    ];
    for (const [mode, n, minDays, maxDays, lead] of open) {
      await stage(db, org, n, mode, minDays, maxDays, lead);
      await flushStage(db, org); // the next stage continues the numbers from the counters
    }
  }
  let current = await count(db, 'incoming_document');
  while (current < target) {
    const n = Math.min(batch, target - current);
    const t0 = Date.now();
    await stage(db, org, n, 'history', 1, 5 * 365, null);
    await flushStage(db, org);
    current += n;
    log(`  seeded ${current.toLocaleString('en')} / ${target.toLocaleString('en')} documents (batch of ${n.toLocaleString('en')} in ${seconds(Date.now() - t0)})`);
  }
  await db.query(`DROP TABLE bench_stage`);
  const i0 = Date.now();
  for (const index of indexes) await db.query(index.def);
  const indexMs = Date.now() - i0;
  log(`  ${indexes.length} secondary indexes rebuilt in ${seconds(indexMs)}`);
  const r0 = Date.now();
  await db.query(`ALTER TABLE incoming_event ENABLE TRIGGER incoming_event_status_interval`);
  await db.query(`SELECT incoming_status_intervals_rebuild(NULL)`);
  log(`  status intervals rebuilt in ${seconds(Date.now() - r0)}`);
  const v0 = Date.now();
  await db.query(`VACUUM (ANALYZE) incoming_document, incoming_assignment, incoming_event, register_counter, stored_file`);
  await db.query(`CHECKPOINT`);
  log(`  VACUUM (ANALYZE) + CHECKPOINT in ${seconds(Date.now() - v0)}`);
  await verifySeries(db);
  return { ms: Date.now() - start, indexMs };
}

/** Numbers are 1..n without gaps in every register/year, and each counter equals its n. */
export async function verifySeries(db: PgClient): Promise<void> {
  const { rows } = await db.query(
    `SELECT d.register_id, d.year, count(*)::int AS n, min(d.incoming_number) AS lo, max(d.incoming_number) AS hi, max(c.last_number) AS counter
       FROM incoming_document d LEFT JOIN register_counter c ON c.register_id = d.register_id AND c.year = d.year
      GROUP BY d.register_id, d.year`,
  );
  for (const r of rows) {
    if (r.lo !== 1 || r.hi !== r.n || r.counter !== r.n) {
      throw new Error(`numbering broken for register ${r.register_id} ${r.year}: n=${r.n} min=${r.lo} max=${r.hi} counter=${r.counter}`);
    }
  }
}

/** The documents registered over HTTP are set aside (returned) so the clerk's inbox stays the same size. */
export async function setAsideRegistrations(db: PgClient, org: Org): Promise<number> {
  const { rowCount } = await db.query(
    `WITH r AS (
       UPDATE incoming_document SET status = 'returned', updated_at = now()
        WHERE idempotency_key LIKE 'bench-%' AND status = 'registered' RETURNING id)
     INSERT INTO incoming_event (document_id, actor_id, action, from_status, to_status, note)
     SELECT id, ${uuid(org.people.clerk)}, 'return', 'registered', 'returned', 'benchmark: registration sample set aside' FROM r`,
  );
  await db.query(`ANALYZE incoming_document`);
  return rowCount ?? 0;
}

/** A one-page PDF with one line of (ASCII-folded) text. */
export async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ascii = text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  page.drawText(ascii.slice(0, 90), { x: 72, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}
