import { query } from './support/db';
import { Client } from './support/http';
import { createDraft, createTestPki, OutgoingMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, startApi } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificates stored here must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;
const DOCUMENTS = 12;

/**
 * Cấp số under load: clerks on three API processes issue a dozen signed documents at once. The
 * register kept apart for Kế hoạch gets exactly 1..N, each once, each with its own signed PDF.
 */
describe('outgoing numbering under concurrent issue from several processes', () => {
  const apis: Api[] = [];
  let registerId: string;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outgoing_numbering');
    run = isolated.run;
    const pki = createTestPki();
    for (let i = 0; i < 3; i++) apis.push(await startApi(run, { SIGNING_TRUST_ANCHORS: pki.anchorsFile }));
    const agencyId = org.agency.id;
    // A series of its own (Decree 30 Art. 15.1), so other suites' documents do not share its numbers.
    [{ id: registerId }] = await query(
      run.databaseUrl,
      `INSERT INTO register (agency_id, kind, code, name, confidential, active, document_types)
       VALUES ($1, 'outgoing', 'DI-KH', 'Sổ kế hoạch', false, true, ARRAY['Kế hoạch']) RETURNING id`,
      [agencyId],
    );
    const sign = (who: Who) => org.signIn(apis[0].url, who);
    const [director, admin] = await Promise.all([sign('director'), sign('admin')]);
    await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage());
    await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage());
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await isolated?.dispose();
  });

  it(`gives ${DOCUMENTS} documents issued at once the numbers 1..${DOCUMENTS}, no gap, no duplicate`, async () => {
    const sign = (who: Who) => org.signIn(apis[0].url, who);
    const [officer, head, clerk, director] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director')]);
    const signerId = org.people.director.id;
    const metadata: OutgoingMetadata = {
      documentType: 'Kế hoạch',
      subject: 'Kế hoạch tổ chức hội thi giáo viên dạy giỏi',
      recipients: { unitIds: [], external: [{ name: 'Trường THPT Chu Văn An', email: 'cva@tayninh.edu.vn' }] },
      urgency: 'normal',
      confidentiality: 'normal',
      signerId,
    };
    const ids: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const created = await createDraft(officer, { ...metadata, subject: `${metadata.subject} đợt ${i + 1}` });
      await reviewThrough(created.body.id, officer, head, clerk, director);
      expect((await director.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body.status).toBe('signed');
      ids.push(created.body.id);
    }
    // One clerk session per process, all issuing at the same moment. Signed in one after another:
    // the API takes a person's TOTP steps only in increasing order, so parallel sign-ins of one
    // person could reach it out of order and one be refused (seen in a clean-clone run).
    const clerks: Client[] = [];
    for (const api of apis) clerks.push(await org.signIn(api.url, 'clerk'));
    const replies = await Promise.all(ids.map((id, i) => clerks[i % clerks.length].post(`/api/v1/outgoing/${id}/issue`)));
    expect(replies.map((r) => r.status)).toEqual(Array(DOCUMENTS).fill(200));
    expect(replies.map((r) => r.body.number).sort((a, b) => a! - b!)).toEqual(Array.from({ length: DOCUMENTS }, (_, i) => i + 1));
    expect(new Set(replies.map((r) => r.body.numberSymbol)).size).toBe(DOCUMENTS);
    const rows = await query(run.databaseUrl, 'SELECT outgoing_number, issued_file_id FROM outgoing_document WHERE register_id = $1 ORDER BY 1', [registerId]);
    expect(rows.map((r) => r.outgoing_number)).toEqual(Array.from({ length: DOCUMENTS }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.issued_file_id)).size).toBe(DOCUMENTS);
    // Numbers follow issue times within the register (Art. 15.1).
    const [{ ordered }] = await query(
      run.databaseUrl,
      `SELECT bool_and(ok) AS ordered FROM (SELECT issued_at >= lag(issued_at) OVER (ORDER BY outgoing_number) IS NOT FALSE AS ok
         FROM outgoing_document WHERE register_id = $1) t`,
      [registerId],
    );
    expect(ordered).toBe(true);
  });
});
