import { Client, Reply } from './support/http';
import { createDraft, createTestPki, draftMetadata, OutgoingMetadata, sealImage, signatureImage, TestPki, uploadCertificate } from './support/outgoing';
import { Api, scaledBudget, startApi } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun } from './support/test-env';

const org = ownOrganisation(loadRun());

/** Twice the pool (max 10): a request that reads through the pool inside its transaction deadlocks it. */
const CONCURRENT = 20;

/**
 * The connection pool under concurrent transitions: every outgoing step, the leader's signature and
 * the issue fired 20 at once must all answer. A transaction that reads through the pool instead of
 * its own connection holds one connection while waiting for a second; ten such requests at once
 * take the whole pool and wait for each other forever. The API runs with DB_POOL_GUARD=throw, so a
 * pool read inside a transaction fails the request even when too few run at once to deadlock.
 */
describe('connection pool: 20 concurrent signatures and issues all answer', () => {
  let isolated: IsolatedRun;
  let api: Api;
  let pki: TestPki;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let base: OutgoingMetadata;

  beforeAll(async () => {
    isolated = await isolatedRun(loadRun(), 'pool_load');
    pki = createTestPki();
    api = await startApi(isolated.run, { SIGNING_TRUST_ANCHORS: pki.anchorsFile, DB_POOL_GUARD: 'throw' });
    const sign = (who: Who) => org.signIn(api.url, who);
    let admin: Client;
    [officer, head, clerk, director, admin] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('admin')]);
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    base = await draftMetadata(org);
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  /** All answers, or a failure naming the step that hung (the pool deadlocked) once the budget is spent. */
  async function allAnswer(step: string, requests: Promise<Reply>[]): Promise<Reply[]> {
    let timer: NodeJS.Timeout | undefined;
    // Below undici's 300 s header timeout, so a hang is reported as the step that hung.
    const budgetMs = Math.min(scaledBudget(90_000), 240_000);
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${step}: no answer to ${CONCURRENT} concurrent requests within ${budgetMs} ms (pool deadlock)`)), budgetMs);
    });
    try {
      return await Promise.race([Promise.all(requests), hung]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('reviews, signs and issues 20 documents at once, each step answering for every document', async () => {
    const ids: string[] = [];
    for (let i = 0; i < CONCURRENT; i += 1) {
      const created = await createDraft(officer, { ...base, subject: `${base.subject} (${i + 1})` });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const steps: [string, Client, string][] = [
      ['submit', officer, 'submit'], ['approve (unit head)', head, 'approve'], ['approve (format check)', clerk, 'approve'],
      ['approve (signer)', director, 'approve'], ['sign', director, 'sign'], ['issue', clerk, 'issue'],
    ];
    for (const [step, client, path] of steps) {
      const replies = await allAnswer(step, ids.map((id) => client.post(`/api/v1/outgoing/${id}/${path}`, {})));
      expect({ step, statuses: replies.map((r) => (r.status === 200 ? 200 : `${r.status} ${JSON.stringify(r.body)}`)) }).toEqual({ step, statuses: ids.map(() => 200) });
    }
    const issued = await Promise.all(ids.map(async (id) => (await clerk.get(`/api/v1/outgoing/${id}`)).body));
    const numbers = issued.map((d) => d.number!).sort((a, b) => a - b);
    // Gap-free and distinct although all twenty took the counter at once.
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
    expect(issued.every((d: { status: string }) => d.status === 'issued')).toBe(true);
  });
});
