import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DemoIdentity, toPem } from '@eoffice/signing';
import { isolatedRun, IsolatedRun } from './accounts-run';
import { query } from './db';
import { startRelay } from './exchange-relay';
import { Client } from './http';
import { createDraft, createTestPki, draftMetadata, reviewThrough, sealImage, signatureImage, TestPki, uploadCertificate } from './outgoing';
import { E2eOrganisation, makeOrganisation } from './organisation';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './processes';
import { E2eRun } from './test-env';

/** Two installations of the product for the exchange suites: agency A (the suite's database) and agency B (a database, queue prefix and file store of its own). */
export const ORGAN_A = '000.00.41.K72';
export const ORGAN_B = '000.00.42.K72';

export interface Installation {
  run: E2eRun;
  org: E2eOrganisation;
  api: Api;
  worker: RunningProcess;
}

type Person = 'officerA' | 'headA' | 'clerkA' | 'directorA' | 'adminA' | 'clerkB' | 'adminB' | 'directorB' | 'officerB';

export interface ExchangePair {
  a: Installation;
  b: Installation;
  people: Record<Person, Client>;
  relayToA: Awaited<ReturnType<typeof startRelay>>;
  relayToB: Awaited<ReturnType<typeof startRelay>>;
  sealA: DemoIdentity;
  sealB: DemoIdentity;
  pki: TestPki;
  /** A wait that, when it times out, says what the two workers and B's status rows said. */
  explained<T>(wait: Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** How the two reach each other: installation endpoints through recording relays, or the national axis (its simulator) with each side's own settings. */
export type PairTransport = { via: 'relay' } | { via: 'axis'; envA: Record<string, string>; envB: Record<string, string> };

/**
 * Starts A and B (API + worker each, their own CA-issued agency seals), gives each agency its
 * OrganId and makes each the other's directory partner — through a recording relay, or through the
 * axis. `env` goes to both installations (EXCHANGE_STATUS_SCAN_SECONDS is 1 unless given).
 */
export async function startExchangePair(
  runA: E2eRun,
  nameB: string,
  env: Record<string, string> = {},
  transport: PairTransport = { via: 'relay' },
): Promise<ExchangePair> {
  // B's database is copied before either organisation exists: two installations, two root agencies.
  const isolatedB: IsolatedRun = await isolatedRun(runA, nameB);
  const runB = { ...isolatedB.run, fileStoreDir: join(dirname(runA.fileStoreDir), `files-${nameB}`) };
  mkdirSync(runB.fileStoreDir, { recursive: true });
  const [orgA, orgB] = [await makeOrganisation(runA), await makeOrganisation(runB)];
  const pki: TestPki = createTestPki();
  const start = async (run: E2eRun, org: E2eOrganisation, own: Record<string, string>): Promise<Installation> => {
    const all = { SIGNING_TRUST_ANCHORS: pki.anchorsFile, EXCHANGE_STATUS_SCAN_SECONDS: '1', ...env, ...own };
    const api = await startApi(run, all);
    return { run, org, api, worker: startWorker(run, all) };
  };
  const axis = transport.via === 'axis' ? transport : undefined;
  const [a, b] = await Promise.all([start(runA, orgA, axis?.envA ?? {}), start(runB, orgB, axis?.envB ?? {})]);
  const relayToB = await startRelay(b.api.url);
  const relayToA = await startRelay(a.api.url);
  const people = {} as Record<Person, Client>;
  // Sign-ins one installation after the other: the same usernames exist in both.
  [people.officerA, people.headA, people.clerkA, people.directorA, people.adminA] = await Promise.all(
    (['officer', 'head', 'clerk', 'director', 'admin'] as const).map((who) => a.org.signIn(a.api.url, who)),
  );
  [people.clerkB, people.adminB, people.directorB, people.officerB] = await Promise.all((['clerk', 'admin', 'director', 'officer'] as const).map((who) => b.org.signIn(b.api.url, who)));
  const sealA = pki.issue(a.org.agency.name);
  const sealB = pki.issue(b.org.agency.name);
  expect((await uploadCertificate(people.directorA, pki.pkcs12(pki.issue(a.org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
  expect((await uploadCertificate(people.adminA, pki.pkcs12(sealA, 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
  expect((await uploadCertificate(people.adminB, pki.pkcs12(sealB, 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
  expect((await people.adminA.patch(`/api/v1/units/${a.org.agency.id}`, { organId: ORGAN_A })).status).toBe(200);
  expect((await people.adminB.patch(`/api/v1/units/${b.org.agency.id}`, { organId: ORGAN_B })).status).toBe(200);
  const addPartner = async (admin: Client, organId: string, name: string, endpointUrl: string, certificate: Buffer) => {
    const endpoint = axis ? { endpointKind: 'axis' } : { endpointKind: 'installation', endpointUrl };
    const added = await admin.post('/api/v1/agencies', { organId, name, ...endpoint });
    expect(added.status).toBe(201);
    expect((await admin.put(`/api/v1/agencies/${added.body.id}/certificate`, { certificatePem: toPem(certificate) })).status).toBe(200);
  };
  await addPartner(people.adminA, ORGAN_B, b.org.agency.name, relayToB.url, sealB.certificate);
  await addPartner(people.adminB, ORGAN_A, a.org.agency.name, relayToA.url, sealA.certificate);

  const explained = async <T>(wait: Promise<T>): Promise<T> => {
    try {
      return await wait;
    } catch (error) {
      const rows = await query(b.run.databaseUrl, `SELECT code, state, attempts, last_error, occurred_at FROM exchange_status ORDER BY id`);
      const heard = await query(
        a.run.databaseUrl,
        `SELECT p.document_id, s.code, s.occurred_at, r.exchange_status, r.exchange_status_at FROM exchange_status s JOIN exchange_package p ON p.id = s.package_id
           LEFT JOIN outgoing_recipient r ON r.id = p.outgoing_recipient_id WHERE s.direction = 'received' ORDER BY s.id`,
      );
      const updates = await query(a.run.databaseUrl, `SELECT u.state, u.attempts, u.last_error, p.state AS package_state FROM exchange_update u JOIN exchange_package p ON p.id = u.package_id ORDER BY u.created_at`);
      throw new Error(`${String(error)}\nB statuses: ${JSON.stringify(rows)}\nA heard: ${JSON.stringify(heard)}\nA updates: ${JSON.stringify(updates)}\nB worker: ${b.worker.output().slice(-3000)}\nA worker: ${a.worker.output().slice(-1500)}`, { cause: error });
    }
  };
  const stop = async () => {
    await Promise.all([a.worker.stop(), b.worker.stop()]);
    await Promise.all([a.api.stop(), b.api.stop()]);
    await Promise.all([relayToA.close(), relayToB.close()]);
    await isolatedB.dispose();
  };
  return { a, b, people, relayToA, relayToB, sealA, sealB, pki, explained, stop };
}

/** A drafts a decision to B by OrganId (with `extra` draft fields, e.g. `replacesId`), and it goes through review and the director's signature. */
export async function signedForB(pair: ExchangePair, subject?: string, extra: Record<string, unknown> = {}): Promise<{ id: string; subject: string }> {
  const { a, people } = pair;
  const metadata = await draftMetadata(a.org, { ...(subject ? { subject } : {}), recipients: { unitIds: [], external: [], agencies: [{ organId: ORGAN_B }] } as never, ...extra });
  const created = await createDraft(people.officerA, metadata);
  expect(created.status).toBe(201);
  await reviewThrough(created.body.id, people.officerA, people.headA, people.clerkA, people.directorA);
  expect((await people.directorA.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body.status).toBe('signed');
  return { id: created.body.id, subject: metadata.subject };
}

/** The same, then the clerk issues it (not dispatched). */
export async function issueToB(pair: ExchangePair, subject?: string, extra: Record<string, unknown> = {}): Promise<{ id: string; numberSymbol: string; issuedAt: string; subject: string }> {
  const signed = await signedForB(pair, subject, extra);
  const issued = await pair.people.clerkA.post(`/api/v1/outgoing/${signed.id}/issue`);
  expect(issued.status).toBe(200);
  return { id: signed.id, numberSymbol: issued.body.numberSymbol!, issuedAt: String(issued.body.issuedAt), subject: signed.subject };
}

/** B's intake item for the package of a document with this subject, once it arrived. */
export function intakeItemOnB(pair: ExchangePair, subject: string, what = 'the package to reach B') {
  return pair.explained(waitFor(async () => (await pair.people.clerkB.get('/api/v1/intake')).body.items?.find((i) => i.channel === 'edxml' && i.proposal.subject === subject), what));
}

/** A's agency recipient line of an outgoing document once `ready` holds for it. */
export function recipientOnA(pair: ExchangePair, outgoingId: string, ready: (r: Record<string, unknown>) => boolean, what: string, timeoutMs?: number) {
  return pair.explained(
    waitFor(async () => {
      const r = (await pair.people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients?.[0] as Record<string, unknown> | undefined;
      return r && ready(r) ? r : undefined;
    }, what, timeoutMs),
  );
}
