import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { countColour, renderPage } from '../libs/signing/test';
import { backdate, incomingTimeline, outgoingStep } from './support/backdate';
import { query } from './support/db';
import { closeWithResult, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { createDraft, createTestPki, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, startApi } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificates this suite stores must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An instant in Vietnam time. */
const vn = (day: string, time: string) => `${day}T${time}:00+07:00`;

/**
 * The scenario, in ISO week 2026-W36 (Mon 31/08 – Sun 06/09/2026; 31/08, 01/09 and 02/09 are the
 * Quốc khánh days off) and the week before, 2026-W35 (24/08 – 30/08):
 *  A  received Fri 28/08, due 04/09, Huy (the officer) leads, closed Thu 03/09 — on time, 1 working day over the holiday
 *  B  received Mon 24/08, due 27/08, Phòng GDTrH then Huy (the officer), closed Fri 04/09 — late, 6 working days
 *  C  khẩn, received Thu 03/09 08:00, due 04/09, Phòng TCCB from 10:00 — still open: overdue at the week's end
 *  D  thượng khẩn, received Fri 04/09 09:00, due Tue 08/09, Lan (the other officer) from 14:00 (30%) — due soon at the week's end
 *  E  received 26/08, due 03/09, Huy (the officer), closed 27/08 (W35, on time), reopened Tue 01/09, closed Thu 03/09 (on time)
 *  F  hỏa tốc, received Sun 06/09 23:30, assigned Mon 07/09 00:30 — across the week boundary
 *  G  mật, received Wed 02/09 (a day off), due 10/09, Huy (the officer), closed Fri 04/09 — on time, 2 working days
 *  H  received Mon 24/08, due 25/08, Lan (the other officer), closed Wed 26/08 — late in W35
 *  O1 Quyết định by Huy (the officer) answering B: drafted 27/08, issued Thu 03/09, dispatched Fri 04/09
 *  O2 Công văn by Lan (the other officer): drafted Fri 04/09
 */
describe('weekly and monthly statistics (thống kê giao ban)', () => {
  let api: Api;
  let scratch: string;
  let leadership: Client; // the deputy, ban giám đốc
  let director: Client; // the director, agency-level leader
  let head: Client; // head of Phòng GDTrH
  let huy: Client; // officer in GDTrH
  let lan: Client; // officer in TCCB
  let clerk: Client;
  let admin: Client;
  const doc: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function register(key: string, receivedAt: string, dueDate: string, extra: Record<string, unknown> = {}) {
    const reply = await registerIncoming(clerk, {
      receivedAt,
      sourceDate: receivedAt.slice(0, 10),
      dueDate,
      sourceNumberSymbol: `${10 + Object.keys(doc).length}/UBND-VX`,
      subject: `Văn bản ${key} về việc thống kê giao ban`,
      ...extra,
    });
    expect(reply.status).toBe(201);
    doc[key] = reply.body.id;
    const submitted = await clerk.post(`/api/v1/incoming/${doc[key]}/submit`, { leaderId: ids.director });
    expect(submitted.status).toBe(200);
  }

  async function ok<T>(pending: Promise<{ status: number; body: T }>): Promise<T> {
    const res = await pending;
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const assign = (client: Client, key: string, lead: Record<string, string>) =>
    ok(client.post(`/api/v1/incoming/${doc[key]}/assign`, { lead, coordinators: [], informed: [] }));

  async function download(client: Client, path: string, accept?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${client.accessToken}` };
    if (accept) headers.accept = accept;
    const res = await fetch(`${client.baseUrl}${path}`, { headers });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'stats');
    run = isolated.run;
    const pki = createTestPki();
    api = await startApi(run, { SIGNING_TRUST_ANCHORS: pki.anchorsFile });
    scratch = mkdtempSync(join(tmpdir(), 'eoffice-stats-'));
    const sign = (who: Who) => org.signIn(api.url, who);
    [leadership, director, head, huy, lan, clerk, admin] = await Promise.all([
      sign('deputy'), sign('director'), sign('head'), sign('officer'), sign('otherOfficer'), sign('clerk'), sign('admin'),
    ]);
    Object.assign(ids, {
      director: org.people.director.id, huy: org.people.officer.id, lan: org.people.otherOfficer.id, head: org.people.head.id, hapt: org.people.deputy.id,
      GDTRH: org.teaching.id, TCCB: org.personnel.id, THPTTDN: org.school.id, SGDĐT: org.agency.id,
    });

    // Incoming documents, through the API.
    await register('A', vn('2026-08-28', '09:00'), '2026-09-04');
    await assign(director, 'A', { userId: ids.huy });
    await ok(huy.post(`/api/v1/incoming/${doc.A}/progress`, { note: 'Đang tổng hợp' }));
    await ok(closeWithResult(huy, doc.A));

    await register('B', vn('2026-08-24', '08:30'), '2026-08-27');
    await assign(director, 'B', { unitId: ids.GDTRH });
    await assign(head, 'B', { userId: ids.huy });
    await ok(closeWithResult(huy, doc.B));

    await register('C', vn('2026-09-03', '08:00'), '2026-09-04', { urgency: 'urgent' });
    await assign(director, 'C', { unitId: ids.TCCB });

    await register('D', vn('2026-09-04', '09:00'), '2026-09-08', { urgency: 'very_urgent' });
    await assign(director, 'D', { userId: ids.lan });
    await ok(lan.post(`/api/v1/incoming/${doc.D}/progress`, { note: 'Đang dự thảo', percent: 30 }));

    await register('E', vn('2026-08-26', '09:00'), '2026-09-03');
    await assign(director, 'E', { userId: ids.huy });
    await ok(closeWithResult(huy, doc.E));
    await ok(director.post(`/api/v1/incoming/${doc.E}/reopen`, { reason: 'Bổ sung số liệu' }));
    await ok(closeWithResult(huy, doc.E));

    await register('F', vn('2026-09-06', '23:30'), '2026-09-08', { urgency: 'flash', receivedVia: 'system' });
    await assign(director, 'F', { userId: ids.huy });

    await register('G', vn('2026-09-02', '09:00'), '2026-09-10', { confidentiality: 'confidential', subject: 'Văn bản G mật về đề thi' });
    await assign(director, 'G', { userId: ids.huy });
    await ok(closeWithResult(huy, doc.G));

    await register('H', vn('2026-08-24', '09:00'), '2026-08-25');
    await assign(director, 'H', { userId: ids.lan });
    await ok(closeWithResult(lan, doc.H));

    // Outgoing documents: the director's key and the agency's seal, then O1 all the way, O2 a draft.
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    const outgoing = (documentType: string, subject: string) => ({
      documentType,
      subject,
      recipients: { unitIds: [ids.THPTTDN], external: [] },
      urgency: 'normal',
      confidentiality: 'normal',
      signerId: ids.director,
      signingTitle: 'GIÁM ĐỐC',
    });
    const o1 = await ok(createDraft(huy, { ...outgoing('Quyết định', 'Về việc công nhận kết quả thi'), replyToIncomingId: doc.B }));
    doc.O1 = o1.id;
    await reviewThrough(doc.O1, huy, head, clerk, director);
    await ok(director.post(`/api/v1/outgoing/${doc.O1}/sign`, {}));
    const issued = await ok(clerk.post(`/api/v1/outgoing/${doc.O1}/issue`));
    doc.O1number = issued.numberSymbol!;
    await ok(clerk.post(`/api/v1/outgoing/${doc.O1}/dispatch`));
    doc.O2 = (await ok(createDraft(lan, outgoing('Công văn', 'Về việc báo cáo biên chế')))).id;

    // TEST SET-UP DATA: the same history, moved back to the weeks of the scenario.
    await backdate(run.databaseUrl, [
      ...incomingTimeline(doc.A, [vn('2026-08-28', '09:00'), vn('2026-08-28', '10:00'), vn('2026-08-28', '11:00'), vn('2026-09-03', '09:00'), vn('2026-09-03', '15:00')]),
      ...incomingTimeline(doc.B, [vn('2026-08-24', '08:30'), vn('2026-08-24', '08:40'), vn('2026-08-24', '09:00'), vn('2026-08-24', '10:00'), vn('2026-09-04', '10:00')]),
      ...incomingTimeline(doc.C, [vn('2026-09-03', '08:00'), vn('2026-09-03', '08:10'), vn('2026-09-03', '10:00')]),
      ...incomingTimeline(doc.D, [vn('2026-09-04', '09:00'), vn('2026-09-04', '09:30'), vn('2026-09-04', '14:00'), vn('2026-09-04', '16:00')]),
      ...incomingTimeline(doc.E, [
        vn('2026-08-26', '09:00'), vn('2026-08-26', '09:30'), vn('2026-08-26', '10:00'), vn('2026-08-27', '16:00'), vn('2026-09-01', '09:00'), vn('2026-09-03', '11:00'),
      ]),
      ...incomingTimeline(doc.F, [vn('2026-09-06', '23:30'), vn('2026-09-06', '23:40'), vn('2026-09-07', '00:30')]),
      ...incomingTimeline(doc.G, [vn('2026-09-02', '09:00'), vn('2026-09-02', '10:00'), vn('2026-09-02', '11:00'), vn('2026-09-04', '16:00')]),
      ...incomingTimeline(doc.H, [vn('2026-08-24', '09:00'), vn('2026-08-24', '09:10'), vn('2026-08-24', '09:30'), vn('2026-08-26', '15:00')]),
      ...outgoingStep(doc.O1, 'create', vn('2026-08-27', '10:00')),
      ...outgoingStep(doc.O1, 'issue', vn('2026-09-03', '14:00')),
      ...outgoingStep(doc.O1, 'dispatch', vn('2026-09-04', '09:00')),
      ...outgoingStep(doc.O2, 'create', vn('2026-09-04', '15:00')),
    ]);
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(scratch, { recursive: true, force: true });
    await isolated?.dispose();
  });

  const W36 = '/api/v1/stats/weekly?week=2026-W36';

  it('gives the agency week to leadership: every figure as counted by hand, with the week before', async () => {
    const res = await leadership.get(W36);
    expect(res.status).toBe(200);
    const { current, previous, scope } = res.body;
    expect(scope).toMatchObject({ kind: 'agency', agency: { id: ids['SGDĐT'] } });
    expect(current.period).toEqual({
      kind: 'week', key: '2026-W36', firstDay: '2026-08-31', lastDay: '2026-09-06', asOf: '2026-09-06T17:00:00.000Z', complete: true,
    });
    expect(current.incoming).toEqual({
      received: 4, // C, D, F, G
      assigned: 3, // C, D, G (F only on Monday of the next week)
      closedOnTime: 3, // A, E (its second closing), G
      closedLate: 1, // B
      openOverdue: 1, // C, due 04/09
      openDueSoon: 1, // D, due 08/09: within two working days of Monday 07/09
      reopened: 1, // E
      urgentReceived: 3, // C, D, F
      // A 1, G 2, E 3, B 6 working days
      handlingDays: { count: 4, median: 2.5, p90: 5.1 },
      // C 2 h, D 5 h; F was not routed before the week ended
      urgentRouting: { routed: 2, hours: { count: 2, median: 3.5, p90: 4.7 } },
    });
    expect(current.outgoing).toEqual({
      drafted: 1,
      issued: 1,
      dispatched: 1,
      byDocumentType: [
        { documentType: 'Công văn', drafted: 1, issued: 0, dispatched: 0 },
        { documentType: 'Quyết định', drafted: 0, issued: 1, dispatched: 1 },
      ],
    });
    expect(previous.period).toMatchObject({ key: '2026-W35', firstDay: '2026-08-24', lastDay: '2026-08-30' });
    expect(previous.incoming).toEqual({
      received: 4, // A, B, E, H
      assigned: 4,
      closedOnTime: 1, // E
      closedLate: 1, // H
      openOverdue: 1, // B, due 27/08
      openDueSoon: 1, // A, due 04/09: Monday 31/08 is a day off, so the two working days are 03/09 and 04/09
      reopened: 0,
      urgentReceived: 0,
      handlingDays: { count: 2, median: 1.5, p90: 1.9 }, // E 1, H 2
      urgentRouting: { routed: 0, hours: { count: 0, median: null, p90: null } },
    });
    expect(previous.outgoing).toMatchObject({ drafted: 1, issued: 0, dispatched: 0 });
  });

  it('breaks the week down by lead unit, as led at the time', async () => {
    const { byUnit } = (await leadership.get(W36)).body;
    expect(byUnit).toEqual([
      { unitId: ids.GDTRH, unitName: 'Phòng Giáo dục Trung học', received: 1, closedOnTime: 3, closedLate: 1, openOverdue: 0, openDueSoon: 0 },
      { unitId: ids.TCCB, unitName: 'Phòng Tổ chức cán bộ', received: 2, closedOnTime: 0, closedLate: 0, openOverdue: 1, openDueSoon: 1 },
    ]);
  });

  it('shows a trend over the last twelve weeks, ending with the week asked', async () => {
    const { trend } = (await leadership.get(W36)).body;
    expect(trend.map((p) => p.period.key)).toEqual([
      '2026-W25', '2026-W26', '2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31', '2026-W32', '2026-W33', '2026-W34', '2026-W35', '2026-W36',
    ]);
    const figures = ({ period: _period, ...rest }: Record<string, unknown>) => rest;
    for (const point of trend.slice(0, 10)) expect(figures(point)).toEqual({ received: 0, closedOnTime: 0, closedLate: 0, openOverdue: 0, outgoingIssued: 0 });
    expect(figures(trend[10])).toEqual({ received: 4, closedOnTime: 1, closedLate: 1, openOverdue: 1, outgoingIssued: 0 });
    expect(figures(trend[11])).toEqual({ received: 4, closedOnTime: 3, closedLate: 1, openOverdue: 1, outgoingIssued: 1 });
  });

  it("gives a department head their unit's figures and an officer their own", async () => {
    const unit = await head.get(W36);
    expect(unit.status).toBe(200);
    expect(unit.body.scope).toMatchObject({ kind: 'unit', unit: { id: ids.GDTRH }, includeSubunits: true });
    expect(unit.body.current.incoming).toMatchObject({
      received: 1, assigned: 1, closedOnTime: 3, closedLate: 1, openOverdue: 0, openDueSoon: 0, reopened: 1, urgentReceived: 0,
    });
    expect(unit.body.current.outgoing).toMatchObject({ drafted: 0, issued: 1, dispatched: 1 });

    const own = await huy.get(W36);
    expect(own.body.scope).toMatchObject({ kind: 'person', person: { id: ids.huy } });
    expect(own.body.current.incoming).toMatchObject({ received: 1, assigned: 1, closedOnTime: 3, closedLate: 1, reopened: 1, openOverdue: 0 });
    expect(own.body.byUnit).toEqual([]);

    const lanWeek = await lan.get(W36);
    expect(lanWeek.body.current.incoming).toMatchObject({ received: 1, assigned: 1, openDueSoon: 1, openOverdue: 0, closedOnTime: 0 });
    expect(lanWeek.body.current.outgoing).toMatchObject({ drafted: 1 });

    // Leadership may look at one unit, with or without the units below, or at one person.
    const tccb = await leadership.get(`${W36}&unitId=${ids.TCCB}&includeSubunits=false`);
    expect(tccb.body.current.incoming).toMatchObject({ received: 2, assigned: 2, openOverdue: 1, openDueSoon: 1, urgentReceived: 2 });
    expect(tccb.body.current.incoming.urgentRouting).toEqual({ routed: 2, hours: { count: 2, median: 3.5, p90: 4.7 } });
    const person = await leadership.get(`${W36}&personId=${ids.huy}`);
    expect(person.body.current.incoming).toEqual(own.body.current.incoming);
  });

  it('lists the documents behind each number, same paging as the lists, hiding what a mật document says', async () => {
    const drill = (client: Client, figure: string, extra = '') => client.get(`/api/v1/stats/weekly/drilldown?week=2026-W36&figure=${figure}${extra}`);
    const numbers = async (client: Client, figure: string, extra = '') => {
      const res = await drill(client, figure, extra);
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((item) => Object.keys(doc).find((k) => doc[k] === item.id)).sort();
    };
    expect(await numbers(leadership, 'received')).toEqual(['C', 'D', 'F', 'G']);
    expect(await numbers(leadership, 'assigned')).toEqual(['C', 'D', 'G']);
    expect(await numbers(leadership, 'closedOnTime')).toEqual(['A', 'E', 'G']);
    expect(await numbers(leadership, 'closedLate')).toEqual(['B']);
    expect(await numbers(leadership, 'openOverdue')).toEqual(['C']);
    expect(await numbers(leadership, 'openDueSoon')).toEqual(['D']);
    expect(await numbers(leadership, 'reopened')).toEqual(['E']);
    expect(await numbers(leadership, 'urgentReceived')).toEqual(['C', 'D', 'F']);
    expect(await numbers(leadership, 'outgoingIssued')).toEqual(['O1']);
    expect(await numbers(leadership, 'outgoingDrafted')).toEqual(['O2']);
    expect(await numbers(leadership, 'outgoingDispatched', '&documentType=Quyết định')).toEqual(['O1']);
    expect(await numbers(leadership, 'outgoingDispatched', '&documentType=Công văn')).toEqual([]);
    expect(await numbers(leadership, 'urgentReceived', '&urgency=flash,very_urgent')).toEqual(['D', 'F']);
    // A line of the breakdown by unit is the unit's own figure.
    expect(await numbers(leadership, 'closedOnTime', `&unitId=${ids.GDTRH}&includeSubunits=false`)).toEqual(['A', 'E', 'G']);

    const late = await drill(leadership, 'closedLate');
    expect(late.body).toMatchObject({ figure: 'closedLate', total: 1, page: 1, pageSize: 50, period: { key: '2026-W36' } });
    expect(late.body.items[0]).toMatchObject({
      kind: 'incoming', id: doc.B, dueDateThen: '2026-08-27', statusThen: 'closed', handlingDays: 6,
      leadUnitName: 'Phòng Giáo dục Trung học', leadUserName: org.people.officer.fullName, at: '2026-09-04T03:00:00.000Z', redacted: false,
    });

    // The mật document counts for leadership but shows only its number and type; its lead sees it whole.
    const onTime = (await drill(leadership, 'closedOnTime')).body.items;
    const secret = onTime.find((item) => item.id === doc.G);
    // Only its number, register and type: not who leads it, when it was due, nor how long it took.
    expect(secret).toEqual({
      kind: 'incoming', id: doc.G, redacted: true, incomingNumber: expect.any(Number), year: expect.any(Number), registerCode: 'DEN-MAT', documentType: expect.any(String),
    });
    const mine = (await drill(huy, 'closedOnTime')).body.items.find((item) => item.id === doc.G);
    expect(mine).toMatchObject({ redacted: false, subject: 'Văn bản G mật về đề thi' });

    const paged = await drill(leadership, 'received', '&pageSize=3&page=2');
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('counts a month the same way', async () => {
    const res = await leadership.get('/api/v1/stats/monthly?month=2026-09');
    expect(res.status).toBe(200);
    expect(res.body.current.period).toMatchObject({ kind: 'month', key: '2026-09', firstDay: '2026-09-01', lastDay: '2026-09-30', complete: true });
    expect(res.body.current.incoming).toMatchObject({
      received: 4, assigned: 4, closedOnTime: 3, closedLate: 1, reopened: 1, openOverdue: 3, openDueSoon: 0, urgentReceived: 3,
    });
    expect(res.body.current.incoming).toMatchObject({ urgentRouting: { routed: 3 } }); // F routed on 07/09, inside September
    expect(res.body.previous.period.key).toBe('2026-08');
    expect(res.body.previous.incoming).toMatchObject({ received: 4, closedOnTime: 1, closedLate: 1, openOverdue: 1, openDueSoon: 1 });
    expect(res.body.trend.map((p) => p.period.key).slice(-3)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('keeps the stretches its trigger wrote identical to a rebuild from the events alone', async () => {
    const keys = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const snapshot = () =>
      query(
        run.databaseUrl,
        `SELECT document_id, opened_by, action, status, lead_user_id, lead_unit_id, previous_lead_user_id, previous_lead_unit_id,
                due_date::text, lower(during) AS starts, upper(during) AS ends
           FROM incoming_status_interval WHERE document_id = ANY($1) ORDER BY document_id, opened_by`,
        [keys.map((k) => doc[k])],
      );
    const written = await snapshot();
    expect(written.filter((row) => row.document_id === doc.E).map((row) => `${row.action}:${row.status}`)).toEqual([
      'register:registered', 'submit:submitted', 'assign:assigned', 'close:closed', 'reopen:in_progress', 'close:closed',
    ]);
    // TEST SET-UP DATA: the migration's backfill function, run on these documents.
    await backdate(run.databaseUrl, [{ sql: 'SELECT incoming_status_intervals_rebuild($1)', params: [keys.map((k) => doc[k])] }]);
    expect(await snapshot()).toEqual(written);
  });

  it('gives the same figures for a past week whatever happens afterwards', async () => {
    const before = (await leadership.get(W36)).body;
    const drillBefore = (await leadership.get('/api/v1/stats/weekly/drilldown?week=2026-W36&figure=openOverdue')).body;
    // Today: C is finally closed, A reopened, D handed to Phòng GDTrH.
    await ok(closeWithResult(director, doc.C));
    await ok(director.post(`/api/v1/incoming/${doc.A}/reopen`, { reason: 'Kiểm tra lại' }));
    await assign(director, 'D', { unitId: ids.GDTRH });
    const after = (await leadership.get(W36)).body;
    expect(after).toEqual(before);
    expect((await leadership.get('/api/v1/stats/weekly/drilldown?week=2026-W36&figure=openOverdue')).body).toEqual(drillBefore);
  });

  it('writes the report as a workbook: one sheet per view, Vietnamese headers, plain numbers', async () => {
    const file = await download(leadership, `${W36}&format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''Th%E1%BB%91ng%20k%C3%AA%20tu%E1%BA%A7n%202026-W36");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Xu hướng 12 kỳ', 'Văn bản đi theo loại']);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const line = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(2).value === label) found = row;
      });
      if (!found) throw new Error(`no line ${label}`);
      return [3, 4, 5].map((c) => found!.getCell(c).value);
    };
    expect(line('Giải quyết đúng hạn')).toEqual([3, 1, 2]);
    expect(line('Giải quyết quá hạn')).toEqual([1, 1, 0]);
    expect(line('Đang xử lý, quá hạn (cuối kỳ)')).toEqual([1, 1, 0]);
    expect(line('Thời gian giải quyết, trung vị (ngày làm việc)')).toEqual([2.5, 1.5, 1]);
    expect(line('Văn bản đi ban hành (cấp số)')).toEqual([1, 0, 1]);
    const header = summary.getRow(8);
    expect([2, 3, 4].map((c) => header.getCell(c).value)).toEqual(['Chỉ tiêu', 'Kỳ này (2026-W36)', 'Kỳ trước (2026-W35)']);
    expect(summary.getColumn(2).width).toBe(48);
    const units = workbook.getWorksheet('Theo đơn vị')!;
    const unitRows: unknown[][] = [];
    units.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(2).value === 'number') unitRows.push([1, 2, 3, 4, 5, 6].map((c) => row.getCell(c).value));
    });
    expect(unitRows).toEqual([
      ['Phòng Giáo dục Trung học', 1, 3, 1, 0, 0],
      ['Phòng Tổ chức cán bộ', 2, 0, 0, 1, 1],
    ]);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))),
    );
  });

  it('prints the report in Vietnamese with the bar chart per unit and the trend line', async () => {
    const file = await download(leadership, W36, 'application/pdf');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const path = join(scratch, 'report.pdf');
    writeFileSync(path, file.bytes);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const expected of ['BÁO CÁO THỐNG KÊ TÌNH HÌNH XỬ LÝ VĂN BẢN', 'Tuần 36 năm 2026', 'Giải quyết quá hạn', 'Phòng Tổ chức cán bộ', 'Xu hướng 12 tuần']) {
      expect(text).toContain(expected);
    }
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVu/);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    const rendered = Array.from({ length: pages }, (_, i) => renderPage(file.bytes, i + 1, `stats-${i + 1}`));
    const whole = (page: (typeof rendered)[number]) => ({ x: 0, y: 0, width: page.width, height: page.height });
    // Page 1 is not blank: a good share of its pixels are ink.
    const first = rendered[0];
    let ink = 0;
    for (let i = 0; i < first.pixels.length; i += 3) if (first.pixels[i] < 128) ink += 1;
    expect(ink).toBeGreaterThan(2000);
    // Blue (on time) and red (late) bars, and the red line of the overdue trend, somewhere after the summary.
    expect(rendered.some((page) => countColour(page, whole(page), 'blue') > 500 && countColour(page, whole(page), 'red') > 100)).toBe(true);
  });

  it('keeps the tracking book (sổ theo dõi giải quyết) of the week, as XLSX, PDF and JSON', async () => {
    const res = await leadership.get('/api/v1/stats/weekly/tracking-book?week=2026-W36');
    expect(res.status).toBe(200);
    expect(res.body.title).toEqual(['SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN', 'Tuần 36 năm 2026 (từ ngày 31/08/2026 đến ngày 06/09/2026)']);
    expect(res.body.columns.map((c: { header: string }) => c.header)).toEqual([
      'Số đến',
      'Ngày đến, tác giả, số ký hiệu, ngày tháng, tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Thời hạn giải quyết',
      'Tiến độ giải quyết',
      'Số, ký hiệu văn bản trả lời',
      'Ghi chú',
    ]);
    const rows = res.body.rows as Record<string, unknown>[];
    const byKey = (key: string) => rows.find((r) => String(r.document).includes(`Văn bản ${key} `));
    // A, B, C, D, E and G were being handled during the week; F only from Monday, H was done before.
    expect(rows).toHaveLength(6);
    expect(byKey('B')).toMatchObject({
      recipient: `Phòng Giáo dục Trung học (${org.people.officer.fullName})`, dueDate: '2026-08-27',
      progress: 'Đã giải quyết ngày 04/09/2026, quá hạn 3 ngày làm việc', reply: doc.O1number,
    });
    expect(byKey('A')).toMatchObject({ progress: 'Đã giải quyết ngày 03/09/2026, đúng hạn', reply: null });
    expect(byKey('C')).toMatchObject({ recipient: 'Phòng Tổ chức cán bộ', progress: 'Đang giải quyết, quá hạn 1 ngày làm việc', note: 'Khẩn' });
    expect(byKey('D')).toMatchObject({ recipient: `Phòng Tổ chức cán bộ (${org.people.otherOfficer.fullName})`, progress: 'Đang giải quyết (30%)', note: 'Thượng khẩn' });
    expect(byKey('E')).toMatchObject({ note: 'Mở lại trong kỳ' });
    // Who handles a mật document and by when stays with those it names (confidential-documents suite).
    expect(rows.find((r) => String(r.document).includes('nội dung mật'))).toMatchObject({ note: 'Mật', dueDate: null });

    const xlsx = await download(leadership, '/api/v1/stats/weekly/tracking-book?week=2026-W36&format=xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(6).getCell(5).value).toBe('Tiến độ giải quyết');
    const pdf = await download(leadership, '/api/v1/stats/weekly/tracking-book?week=2026-W36&format=pdf');
    expect(pdf.status).toBe(200);
    const path = join(scratch, 'book.pdf');
    writeFileSync(path, pdf.bytes);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN');
  });

  it('refuses bad periods, a unit or person out of reach, and unknown formats, each with a code', async () => {
    const problem = async (client: Client, path: string, status: number, code: string) => {
      const res = await client.get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status, code });
    };
    await problem(leadership, '/api/v1/stats/weekly?week=2026-W54', 400, 'PERIOD_INVALID');
    await problem(leadership, '/api/v1/stats/weekly?week=2025-W53', 400, 'PERIOD_INVALID');
    await problem(leadership, '/api/v1/stats/monthly?month=2026-13', 400, 'PERIOD_INVALID');
    await problem(leadership, '/api/v1/stats/weekly?week=2199-W10', 400, 'PERIOD_IN_FUTURE');
    await problem(leadership, '/api/v1/stats/monthly?month=2199-01', 400, 'PERIOD_IN_FUTURE');
    await problem(leadership, '/api/v1/stats/weekly', 400, 'VALIDATION_FAILED');
    await problem(leadership, `${W36}&format=docx`, 400, 'VALIDATION_FAILED');
    await problem(leadership, '/api/v1/stats/weekly/drilldown?week=2026-W36&figure=everything', 400, 'VALIDATION_FAILED');
    // A department head reaches neither another department nor the agency as a whole; an officer only themselves.
    await problem(head, `${W36}&unitId=${ids.TCCB}`, 404, 'NOT_FOUND');
    await problem(head, `${W36}&unitId=${ids['SGDĐT']}`, 404, 'NOT_FOUND');
    await problem(huy, `${W36}&personId=${ids.lan}`, 404, 'NOT_FOUND');
    await problem(huy, `${W36}&unitId=${ids.GDTRH}`, 404, 'NOT_FOUND');
    await problem(huy, `/api/v1/stats/weekly/drilldown?week=2026-W36&figure=received&unitId=${ids.GDTRH}`, 404, 'NOT_FOUND');
    await problem(leadership, `${W36}&unitId=${ids.GDTRH}&personId=${ids.huy}`, 400, 'VALIDATION_FAILED');
    await problem(admin, W36, 403, 'FORBIDDEN');
    const unacceptable = await download(leadership, W36, 'text/csv');
    expect(unacceptable.status).toBe(406);
    expect(JSON.parse(unacceptable.bytes.toString()).code).toBe('NOT_ACCEPTABLE');
    // The clerk (Văn phòng compiles the weekly report) and the head's own unit are fine.
    expect((await clerk.get(W36)).body.current.incoming.received).toBe(4);
    expect((await head.get(`${W36}&personId=${ids.huy}`)).status).toBe(200);
  });
});
