import { createHash } from 'node:crypto';
import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { count, query } from './support/db';
import { closeWithResult, filePart, incomingMetadata, makePdf, registerIncoming } from './support/documents';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

describe('incoming documents: registration, numbering and the handling flow', () => {
  let api: Api;
  let clerk: Client;
  let director: Client; // leader, head of the agency
  let head: Client; // leader, head of the teaching department
  let officer: Client; // officer in the teaching department
  let otherOfficer: Client; // officer in the personnel department
  let leadership: Client; // the deputy

  beforeAll(async () => {
    api = await startApi(run);
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, head, officer, otherOfficer, leadership] = await Promise.all([
      sign('clerk'),
      sign('director'),
      sign('head'),
      sign('officer'),
      sign('otherOfficer'),
      sign('deputy'),
    ]);
  });
  afterAll(() => api.stop());

  it('gives consecutive numbers in the register and year', async () => {
    const first = await registerIncoming(clerk, { subject: 'Văn bản thứ nhất' });
    const second = await registerIncoming(clerk, { subject: 'Văn bản thứ hai' });
    expect(first.status).toBe(201);
    expect(second.body.incomingNumber).toBe(first.body.incomingNumber + 1);
    expect(second.body).toMatchObject({ status: 'registered', year: expect.any(Number), registerId: first.body.registerId });
  });

  it('keeps numbers unique and gap-free under 20 concurrent registrations', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => registerIncoming(clerk, { subject: `Đồng thời ${i}` })));
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = replies.map((r) => r.body.incomingNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0] + i));
    const [{ max, n }] = await query(
      run.databaseUrl,
      `SELECT max(incoming_number) AS max, count(*)::int AS n FROM incoming_document WHERE register_id = $1 AND year = $2`,
      [replies[0].body.registerId, replies[0].body.year],
    );
    expect(max).toBe(n); // 1..n, nothing skipped
  });

  it('consumes no number when registration fails', async () => {
    const before = await registerIncoming(clerk, { subject: 'trước' });
    const form = new FormData();
    form.append('metadata', JSON.stringify(incomingMetadata()));
    filePart(form, 'scan', Buffer.from('not a pdf at all'), 'scan.pdf');
    const refused = await clerk.post('/api/v1/incoming', form);
    expect([refused.status, refused.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    const legacy = await registerIncoming(clerk, { subject: 'Céng hoµ x· héi chñ nghÜa' });
    expect([legacy.status, legacy.body.code]).toEqual([400, 'LEGACY_ENCODING']);
    const converted = await registerIncoming(clerk, { subject: 'Céng hoµ x· héi chñ nghÜa', convertLegacyText: true });
    expect(converted.status).toBe(201);
    expect((await clerk.get(`/api/v1/incoming/${converted.body.id}`)).body.subject).toBe('Cộng hoà xã hội chủ nghĩa');
    const after = await registerIncoming(clerk, { subject: 'sau' });
    expect(after.body.incomingNumber).toBe(before.body.incomingNumber + 2);
  });

  it('refuses empty, truncated and disguised scans, and records no file of a failed request', async () => {
    const pdf = await makePdf('truncated');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 1)]);
    const cases: [Buffer, number, string][] = [
      [Buffer.alloc(0), 400, 'FILE_EMPTY'],
      [pdf.subarray(0, Math.floor(pdf.length / 2)), 400, 'PDF_INVALID'],
      [elf, 415, 'FILE_TYPE_NOT_ALLOWED'],
    ];
    for (const [bytes, status, code] of cases) {
      const form = new FormData();
      form.append('metadata', JSON.stringify(incomingMetadata()));
      filePart(form, 'scan', bytes, 'scan.pdf');
      const res = await clerk.post('/api/v1/incoming', form);
      expect({ code, got: [res.status, res.body.code] }).toEqual({ code, got: [status, code] });
    }
    // Valid scan, invalid metadata: the scan had reached the store, but no record refers to it.
    // Its blob stays (blobs are shared by content: a concurrent request may be recording the same
    // bytes) until the orphan collector removes it; docs/uploads.md.
    const unique = await makePdf(`orphan ${Date.now()}`);
    const form = new FormData();
    form.append('metadata', JSON.stringify(incomingMetadata({ urgency: 'someday' })));
    filePart(form, 'scan', unique, 'scan.pdf');
    expect((await clerk.post('/api/v1/incoming', form)).status).toBe(400);
    const sha = createHash('sha256').update(unique).digest('hex');
    expect(await count(run.databaseUrl, `stored_file WHERE sha256 = '${sha}'`)).toBe(0);
  });

  it('returns the first result for a repeated Idempotency-Key and warns about likely duplicates', async () => {
    const key = { 'idempotency-key': `e2e-${Date.now()}` };
    const meta = { sourceNumberSymbol: '77/SNV-TCBC', sourceDate: '2026-11-18', subject: 'Về việc tuyển dụng viên chức' };
    // A retry sends the same request: the same metadata and the same scan bytes.
    const scan = await makePdf('tuyen dung vien chuc');
    const post = () => {
      const form = new FormData();
      form.append('metadata', JSON.stringify(incomingMetadata(meta)));
      filePart(form, 'scan', scan, 'scan.pdf');
      return clerk.post('/api/v1/incoming', form, key);
    };
    const first = await post();
    const again = await post();
    expect(again.body).toMatchObject({ id: first.body.id, incomingNumber: first.body.incomingNumber, replayed: true });
    const duplicate = await registerIncoming(clerk, meta);
    expect(duplicate.body.likelyDuplicateIds).toContain(first.body.id);
  });

  it('validates the metadata with field-level errors and refuses non-clerks', async () => {
    const bad = await registerIncoming(clerk, { urgency: 'whenever', sourceDate: '2026-13-40' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['metadata.sourceDate', 'metadata.urgency']);
    const byOfficer = await registerIncoming(officer);
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('runs submit → assign → progress → close → reopen with the right people only', async () => {
    const { body: reg } = await registerIncoming(clerk, { subject: 'Kế hoạch bồi dưỡng giáo viên', urgency: 'urgent' });
    expect(reg.urgent).toBe(true);
    const id = reg.id;

    expect((await officer.post(`/api/v1/incoming/${id}/submit`, { leaderId: org.people.director.id })).status).toBe(404);
    const toOfficer = await clerk.post(`/api/v1/incoming/${id}/submit`, { leaderId: org.people.officer.id });
    expect(toOfficer.body.code).toBe('VALIDATION_FAILED');
    const submitted = await clerk.post(`/api/v1/incoming/${id}/submit`, { leaderId: org.people.director.id });
    expect(submitted.body.status).toBe('submitted');
    expect((await clerk.post(`/api/v1/incoming/${id}/submit`, { leaderId: org.people.director.id })).body.code).toBe('INVALID_TRANSITION');

    const inbox = await director.get('/api/v1/inbox');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(id);

    const assignment = {
      lead: { userId: org.people.officer.id },
      coordinators: [{ unitId: org.personnel.id }],
      informed: [{ userId: org.people.deputy.id }],
      dueDate: '2099-12-31',
      instruction: 'Phòng GDTrH chủ trì, báo cáo trước hạn.',
    };
    expect((await clerk.post(`/api/v1/incoming/${id}/assign`, assignment)).status).toBe(403);
    const assigned = await director.post(`/api/v1/incoming/${id}/assign`, assignment);
    expect(assigned.body).toMatchObject({ status: 'assigned', dueDate: '2099-12-31' });

    expect((await officer.get('/api/v1/inbox')).body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await leadership.post(`/api/v1/incoming/${id}/progress`, { note: 'để biết' })).status).toBe(403);
    const progressed = await officer.post(`/api/v1/incoming/${id}/progress`, { note: 'Đã dự thảo kế hoạch', percent: 60 });
    expect(progressed.body.status).toBe('in_progress');

    const resultForm = new FormData();
    resultForm.append('result', JSON.stringify({ note: 'Đã hoàn thành' }));
    filePart(resultForm, 'file', await makePdf('ket qua'), 'ket-qua.pdf');
    expect((await otherOfficer.post(`/api/v1/incoming/${id}/close`, resultForm)).status).toBe(403);
    const noFile = await officer.post(`/api/v1/incoming/${id}/close`, { note: 'xong' });
    expect(noFile.body.code).toBe('VALIDATION_FAILED');
    const byReply = await officer.post(`/api/v1/incoming/${id}/close`, { replyOutgoingId: id });
    expect(byReply.body.code).toBe('VALIDATION_FAILED'); // not an issued outgoing reply to this item
    const closeForm = new FormData();
    closeForm.append('result', JSON.stringify({ note: 'Đã hoàn thành' }));
    filePart(closeForm, 'file', await makePdf('ket qua'), 'ket-qua.pdf');
    const closed = await officer.post(`/api/v1/incoming/${id}/close`, closeForm);
    expect(closed.body).toMatchObject({ status: 'closed', resultNote: 'Đã hoàn thành', resultFileId: expect.any(String) });

    expect((await officer.post(`/api/v1/incoming/${id}/reopen`, { reason: 'x' })).status).toBe(403);
    const reopened = await director.post(`/api/v1/incoming/${id}/reopen`, { reason: 'Bổ sung số liệu' });
    expect(reopened.body.status).toBe('in_progress');

    const detail = await director.get(`/api/v1/incoming/${id}`);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'submit',
      'assign',
      'progress',
      'close',
      'reopen',
    ]);
    expect(detail.body.timeline[4].data).toMatchObject({ onTime: true });
    expect(detail.body.assignments.map((a: { role: string }) => a.role).sort()).toEqual(['coordinator', 'informed', 'lead']);
  });

  it('lets the head of a lead unit, not a plain member, pick the person who handles it', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Giao phòng GDTrH chủ trì' });
    await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id });
    await director.post(`/api/v1/incoming/${body.id}/assign`, {
      lead: { unitId: org.teaching.id },
      coordinators: [],
      informed: [{ userId: org.people.deputy.id }],
    });
    const pick = { lead: { userId: org.people.officer.id }, coordinators: [], informed: [] };
    expect((await officer.post(`/api/v1/incoming/${body.id}/assign`, pick)).status).toBe(403);
    expect((await officer.get('/api/v1/inbox')).body.items.map((i: { id: string }) => i.id)).not.toContain(body.id);
    expect((await head.get('/api/v1/inbox')).body.items.map((i: { id: string }) => i.id)).toContain(body.id);
    const outsider = { lead: { userId: org.people.otherOfficer.id }, coordinators: [], informed: [] };
    expect((await head.post(`/api/v1/incoming/${body.id}/assign`, outsider)).body.code).toBe('VALIDATION_FAILED');
    expect((await head.post(`/api/v1/incoming/${body.id}/assign`, pick)).status).toBe(200);
    const detail = await head.get(`/api/v1/incoming/${body.id}`);
    expect(detail.body.assignments.find((a: { role: string }) => a.role === 'lead')).toMatchObject({
      userId: org.people.officer.id,
      unitId: org.teaching.id,
    });
    expect(detail.body.assignments.map((a: { role: string }) => a.role).sort()).toEqual(['informed', 'lead']);
    expect((await officer.get('/api/v1/inbox')).body.items.map((i: { id: string }) => i.id)).toContain(body.id);
    const closed = await closeWithResult(officer, body.id);
    expect(closed.body.status).toBe('closed');
  });

  it('lets only the clerk return a registered document, and only while registered', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Gửi nhầm địa chỉ' });
    expect((await director.post(`/api/v1/incoming/${body.id}/return`, { reason: 'x' })).status).toBe(403);
    expect((await clerk.post(`/api/v1/incoming/${body.id}/return`, { reason: 'Gửi nhầm cơ quan' })).body.status).toBe('returned');
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id })).body.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('shows confidential documents only to the people named, 404 to everyone else', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Tài liệu mật về đề thi', confidentiality: 'confidential' });
    const [register] = await query(run.databaseUrl, 'SELECT confidential FROM register WHERE id = $1', [body.registerId]);
    expect(register.confidential).toBe(true);
    expect((await clerk.get(`/api/v1/incoming/${body.id}`)).status).toBe(200);
    for (const other of [leadership, director, officer]) {
      expect((await other.get(`/api/v1/incoming/${body.id}`)).status).toBe(404);
      const list = await other.get('/api/v1/incoming?q=đề thi');
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(body.id);
    }
    await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id });
    expect((await director.get(`/api/v1/incoming/${body.id}`)).status).toBe(200);
  });

  it('hides other units’ documents from officers and shows the agency’s to leadership', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Chỉ gửi phòng Tổ chức cán bộ' });
    await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id });
    await director.post(`/api/v1/incoming/${body.id}/assign`, { lead: { unitId: org.personnel.id }, coordinators: [], informed: [] });
    expect((await officer.get(`/api/v1/incoming/${body.id}`)).status).toBe(404);
    const visible = await otherOfficer.get(`/api/v1/incoming/${body.id}`);
    expect(visible.status).toBe(200);
    // The scan follows the document: readable by who sees the document, 404 for the others.
    expect((await otherOfficer.get(`/api/v1/files/${visible.body.scanFileId}`)).status).toBe(200);
    expect((await officer.get(`/api/v1/files/${visible.body.scanFileId}`)).status).toBe(404);
    expect((await leadership.get(`/api/v1/incoming/${body.id}`)).status).toBe(200);
    const admin = await org.signIn(api.url, 'admin');
    expect((await admin.get(`/api/v1/incoming/${body.id}`)).status).toBe(404);
  });

  it('searches with and without diacritics, filters and paginates', async () => {
    await registerIncoming(clerk, { subject: 'Hướng dẫn tuyển sinh lớp 10 năm học 2027', issuingAuthority: 'Bộ Giáo dục và Đào tạo' });
    for (const q of ['tuyển sinh lớp 10', 'tuyen sinh lop 10', 'TUYEN SINH']) {
      const res = await clerk.get(`/api/v1/incoming?q=${encodeURIComponent(q)}`);
      expect({ q, subjects: res.body.items.map((i: { subject: string }) => i.subject) }).toEqual({
        q,
        subjects: expect.arrayContaining(['Hướng dẫn tuyển sinh lớp 10 năm học 2027']),
      });
    }
    const byIssuer = await clerk.get(`/api/v1/incoming?issuingAuthority=${encodeURIComponent('bo giao duc')}`);
    expect(byIssuer.body.items.every((i: { issuingAuthority: string }) => i.issuingAuthority === 'Bộ Giáo dục và Đào tạo')).toBe(true);
    const page = await clerk.get('/api/v1/incoming?pageSize=5&page=2&sort=incomingNumber&order=asc');
    expect(page.body).toMatchObject({ page: 2, pageSize: 5, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(5);
    const numbers = page.body.items.map((i: { incomingNumber: number }) => i.incomingNumber);
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => a - b));
    expect((await clerk.get('/api/v1/incoming?status=nonsense')).status).toBe(400);
    expect(JSON.stringify(page.body)).not.toContain('%PDF');
  });

  it('counts a deadline in working days over Tết and weekends', async () => {
    // Friday 2026-02-13, 5 working days: Tết closes 16–20 Feb, so the deadline is Friday 27 Feb.
    const { body } = await registerIncoming(clerk, { receivedAt: '2026-02-13T09:00:00+07:00', sourceDate: '2026-02-12', dueInWorkingDays: 5 });
    expect((await clerk.get(`/api/v1/incoming/${body.id}`)).body.dueDate).toBe('2026-02-27');
    const both = await registerIncoming(clerk, { dueDate: '2026-12-01', dueInWorkingDays: 3 });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('records every action in the audit trail', async () => {
    expect(await count(run.databaseUrl, "audit_event WHERE action LIKE 'incoming.%'")).toBeGreaterThan(30);
  });
});
