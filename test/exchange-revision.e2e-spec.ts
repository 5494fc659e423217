import { query } from './support/db';
import { ExchangePair, intakeItemOnB, issueToB, ORGAN_A, ORGAN_B, recipientOnA, signedForB, startExchangePair } from './support/exchange-installations';
import { Client } from './support/http';
import { waitFor } from './support/processes';
import { loadRun } from './support/test-env';

/**
 * Replacement and update packages (edXML BussinessDocType 3 and 2) between two installations: A
 * issues a document as the replacement of one B registered — B's new intake item names the earlier
 * one, and once registered the earlier incoming copy is marked replaced and its handlers told; A
 * corrects an issued document's metadata — B's copy is corrected, in the intake or registered,
 * audited, once however often the update is delivered.
 */
const runA = loadRun();

function documentIdOf(numberSymbol: string, issuedAt: string): string {
  const day = new Date(new Date(issuedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '/');
  return `${ORGAN_A},${day},${numberSymbol}`;
}

async function notificationsOf(client: Client, kind: string) {
  const res = await client.get('/api/v1/notifications?pageSize=200');
  return (res.body.items as { kind: string; documentId: string | null; title: string }[]).filter((n) => n.kind === kind);
}

describe('exchange: replacement and update packages (edXML over HTTP)', () => {
  let pair: ExchangePair;

  beforeAll(async () => {
    pair = await startExchangePair(runA, 'revision_b');
  });

  afterAll(async () => {
    await pair?.stop();
  });

  async function dispatch(id: string) {
    expect((await pair.people.clerkA.post(`/api/v1/outgoing/${id}/dispatch`)).status).toBe(200);
  }

  async function registerOnB(itemId: string): Promise<string> {
    const registered = await pair.people.clerkB.post(`/api/v1/intake/${itemId}/register`, {});
    expect(registered.status).toBe(200);
    return registered.body.registration.id as string;
  }

  it('a replacement reaches B linked to the earlier copy; once registered, the earlier copy is replaced and its handlers told', async () => {
    const { people, b } = pair;
    const original = await issueToB(pair, 'Về việc tổ chức Hội thao ngành Giáo dục năm 2026');
    await dispatch(original.id);
    const first = await intakeItemOnB(pair, original.subject);
    expect(first.replacesItemId).toBeNull();
    const firstIncoming = await registerOnB(first.id);
    expect((await people.clerkB.post(`/api/v1/incoming/${firstIncoming}/submit`, { leaderId: b.org.people.director.id })).status).toBe(200);
    const assignment = { lead: { userId: b.org.people.officer.id }, coordinators: [], informed: [], dueDate: '2099-12-31', instruction: 'Chuẩn bị lực lượng.' };
    expect((await people.directorB.post(`/api/v1/incoming/${firstIncoming}/assign`, assignment)).status).toBe(200);

    const replacement = await issueToB(pair, 'Về việc tổ chức Hội thao ngành Giáo dục năm 2026 (thay thế)', { replacesId: original.id });
    expect((await people.clerkA.get(`/api/v1/outgoing/${original.id}`)).body).toMatchObject({ replacedById: replacement.id });
    expect((await people.clerkA.get(`/api/v1/outgoing/${replacement.id}`)).body).toMatchObject({ replacesId: original.id, replacedById: null });
    await dispatch(replacement.id);

    const second = await intakeItemOnB(pair, replacement.subject, 'the replacement to reach B');
    expect(second).toMatchObject({ state: 'waiting', replacesItemId: first.id });
    // The package says what it replaces, in the signed envelope.
    const sent = pair.relayToB.posts.filter((p) => p.path === '/api/v1/exchange/packages').map((p) => p.body.toString('utf8')).find((body) => body.includes('<edXML:BussinessDocType>3'));
    expect(sent).toContain(`<edXML:ReplacementInfo><edXML:DocumentId>${documentIdOf(original.numberSymbol, original.issuedAt)}</edXML:DocumentId><edXML:OrganIdList><edXML:OrganId>${ORGAN_B}</edXML:OrganId>`);
    // Not registered yet: the earlier copy stands.
    expect((await people.clerkB.get(`/api/v1/incoming/${firstIncoming}`)).body).toMatchObject({ status: 'assigned', replacedById: null });

    const secondIncoming = await registerOnB(second.id);
    const replaced = await pair.explained(
      waitFor(async () => {
        const detail = (await people.clerkB.get(`/api/v1/incoming/${firstIncoming}`)).body;
        return detail.replacedById ? detail : undefined;
      }, 'the earlier copy to be marked replaced'),
    );
    expect(replaced).toMatchObject({ replacedById: secondIncoming, replacedAt: expect.any(String) });
    const told = await waitFor(async () => (await notificationsOf(people.officerB, 'incoming_replaced')).find((n) => n.documentId === firstIncoming), 'B’s handler to be told');
    expect(told.title).toContain(replacement.numberSymbol);
    expect((await notificationsOf(people.clerkB, 'incoming_replaced')).filter((n) => n.documentId === firstIncoming)).toHaveLength(1);
    const audit = await query(b.run.databaseUrl, `SELECT data FROM audit_event WHERE action = 'incoming.replaced' AND entity_id = $1`, [firstIncoming]);
    expect(audit).toHaveLength(1);

    // A document is replaced once: issuing a second replacement of it is refused, and takes no number.
    const again = await signedForB(pair, 'Về việc tổ chức Hội thao (thay thế lần hai)', { replacesId: original.id });
    const refused = await people.clerkA.post(`/api/v1/outgoing/${again.id}/issue`);
    expect([refused.status, refused.body.code]).toEqual([409, 'OUTGOING_ALREADY_REPLACED']);
    expect((await people.clerkA.get(`/api/v1/outgoing/${again.id}`)).body).toMatchObject({ status: 'signed', numberSymbol: null });
  });

  it('an update corrects B’s copy in the intake, then once registered, audited and once however often it is delivered', async () => {
    const { people, b } = pair;
    const doc = await issueToB(pair, 'Về việc tổ chức tập huấn chuyên môn');
    // B has the package but A has not heard B's answer yet: the package is on its way, built with
    // the old trích yếu, when the clerk corrects it. The update is held, and follows once it is delivered.
    const onItsWay = pair.relayToB.holdNextAnswer();
    await dispatch(doc.id);
    const item = await intakeItemOnB(pair, doc.subject);
    const corrected = await people.clerkA.post(`/api/v1/outgoing/${doc.id}/exchange-update`, { reason: 'Sửa trích yếu cho đúng tên lớp', subject: 'Về việc tổ chức tập huấn chuyên môn môn Tin học' });
    onItsWay.release();
    expect(corrected.status).toBe(200);
    expect(corrected.body).toEqual({ documentId: doc.id, changes: { subject: 'Về việc tổ chức tập huấn chuyên môn môn Tin học' }, queuedFor: [ORGAN_B] });
    expect((await people.clerkA.get(`/api/v1/outgoing/${doc.id}`)).body.subject).toBe('Về việc tổ chức tập huấn chuyên môn môn Tin học');
    const updated = await pair.explained(
      waitFor(async () => {
        const found = (await people.clerkB.get('/api/v1/intake')).body.items.find((i: { id: string }) => i.id === item.id);
        return found?.proposal.subject === 'Về việc tổ chức tập huấn chuyên môn môn Tin học' ? found : undefined;
      }, 'the update to correct B’s intake item'),
    );
    expect(updated).toMatchObject({ state: 'waiting', title: 'Về việc tổ chức tập huấn chuyên môn môn Tin học' });
    const items = await query(b.run.databaseUrl, `SELECT count(*)::int AS n FROM intake_item WHERE source_id LIKE $1`, [`${ORGAN_A}|${ORGAN_B}|%${doc.numberSymbol}`]);
    expect(items).toEqual([{ n: 1 }]);

    const incomingId = await registerOnB(item.id);
    expect((await people.clerkA.post(`/api/v1/outgoing/${doc.id}/exchange-update`, { reason: 'Văn bản cần xử lý gấp', urgency: 'urgent' })).body.queuedFor).toEqual([ORGAN_B]);
    await pair.explained(waitFor(async () => (await people.clerkB.get(`/api/v1/incoming/${incomingId}`)).body.urgency === 'urgent' || undefined, 'the update to reach the registered copy'));
    const audit = await query(b.run.databaseUrl, `SELECT data FROM audit_event WHERE action = 'incoming.metadata_updated' AND entity_id = $1`, [incomingId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ before: { urgency: 'normal' }, after: { urgency: 'urgent' }, reason: 'Văn bản cần xử lý gấp' });

    // The same update package delivered again: recognised, nothing written.
    const updates = pair.relayToB.posts.filter((p) => p.path === '/api/v1/exchange/packages' && p.body.toString('latin1').includes('<edXML:BussinessDocType>2'));
    const last = updates.at(-1)!;
    const replay = await fetch(`${b.api.url}/api/v1/exchange/packages`, { method: 'POST', headers: { 'content-type': last.contentType }, body: new Uint8Array(last.body) });
    expect(replay.status).toBe(200);
    expect((await replay.json()).receipts[0]).toMatchObject({ intakeItemId: item.id, replayed: true });
    const rows = await query(b.run.databaseUrl, `SELECT count(*)::int AS n FROM exchange_update u JOIN exchange_package p ON p.id = u.package_id WHERE p.intake_item_id = $1`, [item.id]);
    expect(rows).toEqual([{ n: 2 }]);

    // Nothing to correct, or a recalled document: refused with their codes.
    const unchanged = await people.clerkA.post(`/api/v1/outgoing/${doc.id}/exchange-update`, { reason: 'Không đổi', urgency: 'urgent' });
    expect([unchanged.status, unchanged.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await people.officerA.post(`/api/v1/outgoing/${doc.id}/exchange-update`, { reason: 'x', urgency: 'flash' })).status).toBe(403);
    expect((await people.clerkA.post(`/api/v1/outgoing/${doc.id}/recall`, { reason: 'Thu hồi' })).status).toBe(200);
    const late = await people.clerkA.post(`/api/v1/outgoing/${doc.id}/exchange-update`, { reason: 'Sau thu hồi', urgency: 'flash' });
    expect([late.status, late.body.code]).toEqual([409, 'EXCHANGE_UPDATE_NOT_ALLOWED']);
  });

  it('a correction made before the package got through goes inside it: no update package follows', async () => {
    const { people } = pair;
    const doc = await issueToB(pair, 'Về việc kiểm tra thiết bị phòng học');
    pair.relayToB.failNext(1);
    await dispatch(doc.id);
    await recipientOnA(pair, doc.id, (r) => r.delivery === 'failed', 'the first delivery to fail');

    const corrected = await people.clerkA.post(`/api/v1/outgoing/${doc.id}/exchange-update`, { reason: 'Sửa trích yếu', subject: 'Về việc kiểm tra thiết bị phòng học bộ môn' });
    expect(corrected.body).toMatchObject({ queuedFor: [ORGAN_B] });
    // The retry builds the package from the corrected document: B's item carries the new trích yếu.
    await intakeItemOnB(pair, 'Về việc kiểm tra thiết bị phòng học bộ môn', 'the retried package to reach B');
    // A settles the held update once B has answered, a moment after B stored the package.
    const settled = await waitFor(async () => {
      const rows = await query(pair.a.run.databaseUrl, `SELECT u.state FROM exchange_update u JOIN exchange_package p ON p.id = u.package_id JOIN outgoing_recipient r ON r.id = p.outgoing_recipient_id WHERE r.document_id = $1`, [doc.id]);
      return rows.every((r) => r.state !== 'held') ? rows : undefined;
    }, 'A to settle the held update');
    expect(settled).toEqual([{ state: 'included' }]);
  });
});
