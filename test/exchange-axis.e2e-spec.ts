import { loadavg } from 'node:os';
import { buildPackage, type EdxmlHeader } from '@eoffice/exchange';
import { DemoIdentity, toPem } from '@eoffice/signing';
import { AxisSimulator, startAxisSimulator } from './support/axis-simulator';
import { query } from './support/db';
import { makePdf } from './support/documents';
import { ExchangePair, Installation, issueToB, ORGAN_A, ORGAN_B, startExchangePair } from './support/exchange-installations';
import { Client } from './support/http';
import { waitFor } from './support/processes';
import { loadRun } from './support/test-env';

/**
 * Two installations (agency A and agency B, each its own database, queues and file store) that
 * reach each other only through the national document axis — here the simulator, since the real
 * axis cannot be reached from the test machine. Each installation is one system at the axis.
 */
const runA = loadRun();
/** A third agency, also on system A, that B's directory does not know at first. */
const ORGAN_C = '000.00.46.K72';
const SYSTEM = { a: { id: 'eoffice-a', secret: 'secret-a-e2e' }, b: { id: 'eoffice-b', secret: 'secret-b-e2e' } };

const axisEnv = (system: { id: string; secret: string }, url: string) => ({
  EXCHANGE_AXIS_URL: url,
  EXCHANGE_AXIS_SYSTEM_ID: system.id,
  EXCHANGE_AXIS_SECRET: system.secret,
  EXCHANGE_AXIS_POLL_SECONDS: '1',
  EXCHANGE_AXIS_DIRECTORY_CRON: 'off',
});

describe('exchange through the national document axis (simulated)', () => {
  let axis: AxisSimulator;
  let pair: ExchangePair;
  let a: Installation;
  let b: Installation;
  let sealA: DemoIdentity;
  let people: ExchangePair['people'];

  /** The other agency in the directory, reached through the axis, with the certificate it signs with. */
  async function addPartner(admin: Client, organId: string, name: string, certificate: Buffer) {
    const added = await admin.post('/api/v1/agencies', { organId, name, endpointKind: 'axis' });
    expect(added.status).toBe(201);
    expect((await admin.put(`/api/v1/agencies/${added.body.id}/certificate`, { certificatePem: toPem(certificate) })).status).toBe(200);
  }

  /** `sendEdoc` as system A, over the axis's own protocol: how another sender's package reaches the axis. */
  async function sendAsA(file: Buffer, from = ORGAN_A): Promise<string> {
    const answer = await fetch(`${axis.url}/sendEdoc`, {
      method: 'POST',
      headers: { systemId: SYSTEM.a.id, secret: SYSTEM.a.secret, from, to: JSON.stringify([ORGAN_B]), servicetype: 'eDoc', messagetype: 'edoc', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file),
    });
    const body = (await answer.json()) as { status: string; DocId: string };
    expect(body.status).toBe('OK');
    return body.DocId;
  }

  /** A package signed with A's seal (or another sender's), as an .edxml file (MIME headers, then the body). */
  async function packageFromA(n: number, sender?: { organId: string; name: string; seal: DemoIdentity }): Promise<Buffer> {
    const from = sender ?? { organId: ORGAN_A, name: a.org.agency.name, seal: sealA };
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const header: EdxmlHeader = {
      from: { organId: from.organId, organName: from.name },
      to: [{ organId: ORGAN_B, organName: b.org.agency.name }],
      documentId: `${from.organId},${today.replace(/-/g, '/')},${900 + n}/CV-AXIS`,
      code: { number: String(900 + n), notation: 'CV-AXIS' },
      promulgation: { place: 'Tây Ninh', date: today },
      documentType: { type: 1, name: 'Công văn' },
      subject: `Công văn số ${900 + n} gửi qua trục`,
      signer: { position: 'Giám đốc', fullName: 'Nguyễn Văn A' },
      toPlaces: [b.org.agency.name],
      otherInfo: { priority: 0, appendixes: [] },
      steeringType: 0,
    };
    const built = buildPackage({
      header,
      traces: [{ organId: from.organId, timestamp: new Date().toISOString() }],
      attachments: [{ name: `${900 + n}_CV-AXIS.pdf`, contentType: 'application/pdf', bytes: await makePdf(`Cong van ${900 + n}`) }],
      signer: { privateKey: from.seal.privateKey, certificatePem: toPem(from.seal.certificate) },
    });
    return Buffer.concat([Buffer.from(`Content-Type: ${built.contentType}\r\n\r\n`, 'latin1'), built.body]);
  }

  const countsOnB = async () =>
    (
      await query(
        b.run.databaseUrl,
        `SELECT (SELECT count(*) FROM intake_item WHERE channel = 'edxml')::int AS items, (SELECT count(*) FROM exchange_package WHERE direction = 'received')::int AS packages`,
      )
    )[0] as { items: number; packages: number };

  /** A wait that, when it times out, says what the two workers and the axis said. */
  async function explained<T>(wait: Promise<T>): Promise<T> {
    try {
      return await wait;
    } catch (error) {
      throw new Error(`${String(error)}\naxis: ${JSON.stringify(axis.files())}\nB worker: ${b.worker.output().slice(-3000)}\nA worker: ${a.worker.output().slice(-2000)}`, { cause: error });
    }
  }

  beforeAll(async () => {
    axis = await startAxisSimulator();
    axis.addSystem(SYSTEM.a.id, SYSTEM.a.secret, [ORGAN_A, ORGAN_C]);
    axis.addSystem(SYSTEM.b.id, SYSTEM.b.secret, [ORGAN_B]);
    pair = await startExchangePair(runA, 'axis_b', {}, { via: 'axis', envA: axisEnv(SYSTEM.a, axis.url), envB: axisEnv(SYSTEM.b, axis.url) });
    ({ a, b, people, sealA } = pair);
  });

  afterAll(async () => {
    await pair?.stop();
    await axis?.close();
  });

  let outgoingId: string;
  let itemId: string;
  let firstDocId: string;

  it('A issues to B by OrganId through the axis; B takes it (proposal = header), acknowledges it, and A sees 01', async () => {
    // Drafted to B by OrganId, reviewed, signed by the director and issued (not dispatched).
    const issued = await issueToB(pair);
    outgoingId = issued.id;
    const dispatchedAt = Date.now();
    expect((await people.clerkA.post(`/api/v1/outgoing/${outgoingId}/dispatch`)).status).toBe(200);

    const item = await explained(waitFor(async () => (await people.clerkB.get('/api/v1/intake')).body.items?.find((i) => i.channel === 'edxml'), 'the package to reach B through the axis'));
    itemId = item.id;
    console.log(`A dispatch → axis → B intake item: ${Date.now() - dispatchedAt} ms (polls every 1 s; load ${loadavg()[0].toFixed(1)})`);
    const issuedDate = new Date(new Date(issued.issuedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(item).toMatchObject({
      state: 'waiting',
      sender: ORGAN_A,
      senderName: a.org.agency.name,
      proposal: { sourceNumberSymbol: issued.numberSymbol, sourceDate: issuedDate, issuingAuthority: a.org.agency.name, documentType: 'Quyết định', subject: issued.subject, urgency: 'normal', confidentiality: 'normal' },
    });
    expect(item.files[0].verification).toMatchObject({ status: 'valid' });
    // On the axis: one package from A to B, acknowledged by B once it was stored.
    const packages = await explained(waitFor(async () => {
      const edocs = axis.files().filter((f) => f.messageType === 'edoc');
      return edocs.every((f) => f.delivery[ORGAN_B] === 'done') ? edocs : undefined;
    }, 'B to acknowledge the package'));
    expect(packages).toEqual([expect.objectContaining({ from: ORGAN_A, to: [ORGAN_B], delivery: { [ORGAN_B]: 'done' } })]);
    firstDocId = packages[0].docId;
    const sent = await explained(waitFor(async () => {
      const r = (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients?.[0];
      return r?.exchangeStatus === '01' ? r : undefined;
    }, 'status 01 to come back through the axis'));
    expect(sent).toMatchObject({ delivery: 'sent', handling: 'received' });
  });

  it('B registers the item → 03 goes back through the axis and A sees 01 then 03', async () => {
    expect((await people.clerkB.post(`/api/v1/intake/${itemId}/register`, {})).status).toBe(200);
    const statuses = await explained(waitFor(async () => {
      const list = (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}/exchange-statuses`)).body;
      return Array.isArray(list) && list.length >= 2 ? list : undefined;
    }, 'status 03 to reach A'));
    expect({ codes: statuses.map((s) => s.code), statuses }).toMatchObject({ codes: ['01', '03'] });
    expect((await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients![0]).toMatchObject({ exchangeStatus: '03' });
    // Both statuses travelled as status files from B to A, each acknowledged by A.
    const statusFiles = axis.files().filter((f) => f.messageType === 'status');
    expect(statusFiles).toHaveLength(2);
    expect(statusFiles.every((f) => f.from === ORGAN_B && f.delivery[ORGAN_A] === 'done')).toBe(true);
  });

  it('the same package sent again through the axis creates nothing, and is acknowledged', async () => {
    const replayId = await sendAsA(axis.body(firstDocId));
    await explained(waitFor(async () => axis.files().find((f) => f.docId === replayId)?.delivery[ORGAN_B] === 'done', 'B to acknowledge the replay'));
    expect(await countsOnB()).toEqual({ items: 1, packages: 1 });
  });

  it('the axis answering 500 in the middle of a batch (a fetch, then an acknowledgement) loses nothing and makes nothing twice', async () => {
    axis.hold(SYSTEM.b.id);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(await sendAsA(await packageFromA(n)));
    // Second getEdoc of the batch fails; then, at the next poll, the acknowledgement of a stored package fails (a crash between store and ack).
    axis.failNext('getEdoc', 1, { after: 1, systemId: SYSTEM.b.id });
    axis.failNext('updateStatus', 1, { after: 1, systemId: SYSTEM.b.id });
    axis.release(SYSTEM.b.id);
    await explained(waitFor(async () => ids.every((id) => axis.files().find((f) => f.docId === id)?.delivery[ORGAN_B] === 'done'), 'B to take and acknowledge all three'));
    expect(await countsOnB()).toEqual({ items: 4, packages: 4 });
    const failed = axis.calls.filter((c) => c.systemId === SYSTEM.b.id && c.status === 500).map((c) => c.operation);
    expect(failed).toEqual(['getEdoc', 'updateStatus']);
    const rows = await query(b.run.databaseUrl, `SELECT state FROM exchange_axis_message WHERE direction = 'received' AND axis_doc_id = ANY($1::text[])`, [ids]);
    expect(rows.map((r) => r.state)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
  });

  it('the axis down: the reconciliation asked by an administrator answers 502, and what waited is taken once it is back', async () => {
    axis.hold(SYSTEM.b.id);
    const waiting = await sendAsA(await packageFromA(5));
    const before = await countsOnB();
    axis.down();
    axis.release(SYSTEM.b.id);
    const refused = await people.adminB.post('/api/v1/exchange/axis/reconcile');
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('AXIS_UNAVAILABLE');
    expect(await countsOnB()).toEqual(before);
    axis.up();
    await explained(waitFor(async () => axis.files().find((f) => f.docId === waiting)?.delivery[ORGAN_B] === 'done', 'B to take the package once the axis is back'));
    expect(await countsOnB()).toEqual({ items: before.items + 1, packages: before.packages + 1 });
  });

  it('a package from an agency B does not know yet waits on the axis until the directory knows it; a forged one is refused and acknowledged as failed', async () => {
    const sealC = pair.pki.issue('Sở Tư pháp tỉnh Tây Ninh');
    const agencyC = { organId: ORGAN_C, name: 'Sở Tư pháp tỉnh Tây Ninh', seal: sealC };
    const before = await countsOnB();
    const fromC = await sendAsA(await packageFromA(6, agencyC), ORGAN_C);
    // A's OrganId and name, signed with another key.
    const forged = await sendAsA(await packageFromA(7, { organId: ORGAN_A, name: a.org.agency.name, seal: sealC }));
    await explained(waitFor(async () => axis.files().find((f) => f.docId === forged)?.delivery[ORGAN_B] === 'fail', 'B to refuse the forged package'));
    expect(axis.files().find((f) => f.docId === fromC)?.delivery[ORGAN_B]).toBe('initial');
    expect(await countsOnB()).toEqual(before);
    const [refused] = await query(b.run.databaseUrl, `SELECT state, error FROM exchange_axis_message WHERE axis_doc_id = $1`, [forged]);
    expect(refused).toMatchObject({ state: 'refused', error: expect.stringContaining('EDXML_SIGNATURE_INVALID') });

    await addPartner(people.adminB, ORGAN_C, agencyC.name, sealC.certificate);
    await explained(waitFor(async () => axis.files().find((f) => f.docId === fromC)?.delivery[ORGAN_B] === 'done', 'B to take the package once C is in its directory'));
    expect(await countsOnB()).toEqual({ items: before.items + 1, packages: before.packages + 1 });
  });

  it('reconciliation: a package the axis lost is sent again; one the axis holds that B never took is fetched', async () => {
    const known = new Set(axis.files().map((f) => f.docId));
    axis.forget(firstDocId);
    const countsBefore = await countsOnB();
    const found = await people.adminA.post('/api/v1/exchange/axis/reconcile');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ missingHere: 0, missingOnAxis: 1, failed: 0 });
    const listed = (await people.adminA.get('/api/v1/exchange/axis/discrepancies')).body;
    expect(listed[0]).toMatchObject({ kind: 'missing_on_axis', axisDocId: firstDocId, action: 'resent', runId: found.body.runId });
    const again = await explained(waitFor(async () => axis.files().find((f) => f.messageType === 'edoc' && !known.has(f.docId) && f.delivery[ORGAN_B] === 'done'), 'the package to be sent again and taken'));
    expect(again).toMatchObject({ from: ORGAN_A, to: [ORGAN_B] });
    // B knew it: acknowledged, nothing new.
    expect(await countsOnB()).toEqual(countsBefore);
    expect((await people.adminA.post('/api/v1/exchange/axis/reconcile')).body).toMatchObject({ missingOnAxis: 0 });

    // A receipt lost on B's side: the axis counts it acknowledged, B never stored it.
    const lostId = await sendAsA(await packageFromA(4));
    axis.acknowledge(lostId, ORGAN_B);
    const before = await countsOnB();
    const onB = await people.adminB.post('/api/v1/exchange/axis/reconcile');
    expect(onB.body).toMatchObject({ missingHere: 1, missingOnAxis: 0, failed: 0 });
    expect(await countsOnB()).toEqual({ items: before.items + 1, packages: before.packages + 1 });
    expect((await people.adminB.get('/api/v1/exchange/axis/discrepancies')).body[0]).toMatchObject({ kind: 'missing_here', axisDocId: lostId, action: 'fetched' });
    expect((await people.adminB.post('/api/v1/exchange/axis/reconcile')).body).toMatchObject({ missingHere: 0 });
  });

  it('reconciliation of status messages: one the axis counts as delivered that A never applied is applied; one the axis lost is sent again', async () => {
    const [{ id: incomingId }] = await query(b.run.databaseUrl, `SELECT id FROM incoming_document WHERE intake_item_id = $1`, [itemId]);
    const recipientCode = async () => (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients![0].exchangeStatus;
    /**
     * B's next status file with this code on the axis, once B sent it (A held: A does not take it
     * meanwhile). By its code: B's 01 for the package the last test fetched may still be on its way.
     */
    const nextStatusFile = async (known: Set<string>, code: string, what: string) =>
      explained(waitFor(async () => axis.files().find((f) => f.messageType === 'status' && f.from === ORGAN_B && !known.has(f.docId)
        && new RegExp(`StatusCode>${code}<`).test(axis.body(f.docId).toString('utf8'))), what));

    // 04 reaches the axis, which counts it delivered to A; A never stored it (a receipt lost on A's side).
    axis.hold(SYSTEM.a.id);
    let known = new Set(axis.files().map((f) => f.docId));
    expect((await people.clerkB.post(`/api/v1/incoming/${incomingId}/submit`, { leaderId: b.org.people.director.id })).status).toBe(200);
    const fourth = await nextStatusFile(known, '04', 'B to send 04 through the axis');
    axis.acknowledge(fourth.docId, ORGAN_A);
    axis.release(SYSTEM.a.id);
    expect(await recipientCode()).toBe('03');
    const onA = await people.adminA.post('/api/v1/exchange/axis/reconcile');
    expect(onA.body).toMatchObject({ statusesMissingHere: 1, statusesMissingOnAxis: 0, failed: 0 });
    expect(await recipientCode()).toBe('04');
    expect((await people.adminA.get('/api/v1/exchange/axis/discrepancies')).body[0]).toMatchObject({ kind: 'missing_here', messageType: 'status', axisDocId: fourth.docId, action: 'fetched' });
    expect((await people.adminA.post('/api/v1/exchange/axis/reconcile')).body).toMatchObject({ statusesMissingHere: 0 });

    // 05 is lost by the axis before A took it: B's reconciliation sends it again, and A applies it once.
    axis.hold(SYSTEM.a.id);
    known = new Set(axis.files().map((f) => f.docId));
    const assignment = { lead: { userId: b.org.people.officer.id }, coordinators: [], informed: [], dueDate: '2099-12-31', instruction: 'Xử lý.' };
    expect((await people.directorB.post(`/api/v1/incoming/${incomingId}/assign`, assignment)).status).toBe(200);
    const fifth = await nextStatusFile(known, '05', 'B to send 05 through the axis');
    axis.forget(fifth.docId);
    axis.release(SYSTEM.a.id);
    const onB = await people.adminB.post('/api/v1/exchange/axis/reconcile');
    expect(onB.body).toMatchObject({ statusesMissingHere: 0, statusesMissingOnAxis: 1, failed: 0 });
    expect((await people.adminB.get('/api/v1/exchange/axis/discrepancies')).body[0]).toMatchObject({ kind: 'missing_on_axis', messageType: 'status', axisDocId: fifth.docId, action: 'resent' });
    await explained(waitFor(async () => (await recipientCode()) === '05' || undefined, 'the 05 sent again to reach A'));
    const applied = await query(
      a.run.databaseUrl,
      `SELECT s.code FROM exchange_status s JOIN exchange_package p ON p.id = s.package_id JOIN outgoing_recipient r ON r.id = p.outgoing_recipient_id
        WHERE r.document_id = $1 AND s.direction = 'received' AND s.code IN ('04', '05') ORDER BY s.code`,
      [outgoingId],
    );
    expect(applied.map((r) => r.code)).toEqual(['04', '05']);
    expect((await people.adminB.post('/api/v1/exchange/axis/reconcile')).body).toMatchObject({ statusesMissingOnAxis: 0 });
  });

  it('directory synchronisation from the axis agency list: both codes kept, our own agency skipped, twice writes once', async () => {
    axis.setAgencies([
      { code: ORGAN_A, agencyCode: 'K72.43', name: a.org.agency.name },
      { code: ORGAN_B, agencyCode: 'K72.44', name: b.org.agency.name, mail: 'vanthu@b.gov.vn' },
      { code: '000.00.45.K72', agencyCode: 'K72.45', name: 'Sở Tư pháp tỉnh Tây Ninh', mail: 'stp@tayninh.gov.vn', phone: '0276 3822 111' },
    ]);
    const first = await people.adminA.post('/api/v1/exchange/axis/directory-sync');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ listed: 3, created: 1, updated: 1, unchanged: 0, skipped: 1 });
    const second = await people.adminA.post('/api/v1/exchange/axis/directory-sync');
    expect(second.body).toMatchObject({ listed: 3, created: 0, updated: 0, unchanged: 2, skipped: 1 });
    const rows = await query(runA.databaseUrl, `SELECT organ_id, agency_code, endpoint_kind, source, certificate_pem IS NOT NULL AS certified FROM external_agency WHERE organ_id IN ($1, '000.00.45.K72') ORDER BY organ_id`, [ORGAN_B]);
    expect(rows).toEqual([
      { organ_id: ORGAN_B, agency_code: 'K72.44', endpoint_kind: 'axis', source: 'sync', certified: true },
      { organ_id: '000.00.45.K72', agency_code: 'K72.45', endpoint_kind: 'axis', source: 'sync', certified: false },
    ]);
    const [audit] = await query(runA.databaseUrl, `SELECT count(*)::int AS n FROM audit_event WHERE action = 'agency.synchronised'`);
    expect(audit.n).toBe(1);
  });
});
