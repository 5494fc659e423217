import { DemoIdentity, toPem } from '@eoffice/signing';
import { buildAppendixSource, pdfsigResults } from '../libs/signing/test';
import { filePart } from './support/documents';
import { Client } from './support/http';
import {
  attachAppendix, createDraft, decisionDraft, download, draftMetadata, OutgoingMetadata, reviewThrough, sealImage, TestPki, tokenSign, uploadCertificate,
} from './support/outgoing';
import { RunningProcess, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { SigningWorld, startSigningWorld } from './support/signing-world';
import type { RemoteSigningSimulator } from './support/remote-signing-simulator';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let world: SigningWorld;
let run: E2eRun;

interface SagaAppendix { appendixId: string; position: number; digest: string; signedAttributes: string }
interface Saga {
  id: string; step: string; number: number; numberSymbol: string; digest: string; signedAttributes: string; appendices: SagaAppendix[]; failureCode: string | null; reason: string | null;
}

describe('the seal without a stored key (issue saga: token, remote e-seal, crashes) and the paper path', () => {
  let worker: RunningProcess;
  let env: Record<string, string>;
  let sim: RemoteSigningSimulator;
  let pki: TestPki;
  let agencySeal: DemoIdentity;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let admin: Client;
  let base: OutgoingMetadata;
  /** Two different PDFs: identical appendices would get identical seal revisions, and so one digest. */
  let appendixFiles: Buffer[];

  beforeAll(async () => {
    world = await startSigningWorld(baseRun, org, 'outgoing_seal', {
      simulator: true,
      directorCertificate: true,
      env: {
        // One minute: room for a worker restarted on a loaded machine, short enough to watch a saga run out.
        SEAL_SAGA_TIMEOUT_MINUTES: '1',
        // A killed worker's jobs are taken up again in seconds.
        JOB_LOCK_SECONDS: '10',
        JOB_STALLED_CHECK_SECONDS: '2',
      },
    });
    ({ run, pki, sim, env, officer, head, clerk, director, admin } = world);
    worker = world.worker!;
    agencySeal = pki.issue(org.agency.name);
    sim.addSeal('agency-eseal', agencySeal, [pki.ca.certificate]);
    base = await draftMetadata(org, { subject: 'Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh' });
    appendixFiles = [Buffer.from(await buildAppendixSource()), await decisionDraft(false)];
  });
  afterAll(async () => {
    // The worker the suite started last (it kills and restarts it).
    world.worker = worker;
    await world?.close();
  });

  async function approvedDraft(appendixTitles: string[] = []): Promise<string> {
    const created = await createDraft(officer, base);
    expect(created.status).toBe(201);
    for (const [i, title] of appendixTitles.entries()) expect((await attachAppendix(officer, created.body.id, title, appendixFiles[i])).status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, director);
    return created.body.id;
  }

  async function signedDraft(appendixTitles: string[] = []): Promise<string> {
    const id = await approvedDraft(appendixTitles);
    const signed = await director.post(`/api/v1/outgoing/${id}/sign`, {});
    expect([signed.status, signed.body.status]).toEqual([200, 'signed']);
    return id;
  }

  async function useSeal(mode: 'token' | 'remote' | 'stored', protocol: 'csc' | 'sp769' = 'csc'): Promise<void> {
    if (mode === 'remote') {
      const baseUrl = protocol === 'csc' ? sim.cscUrl : sim.sp769Url;
      const provider = await admin.put('/api/v1/remote-signing/provider', { protocol, baseUrl, credentialsKey: 'simulator', timeoutSeconds: 60, pollSeconds: 1 });
      expect(provider.status).toBe(200);
    }
    const res = await admin.put('/api/v1/agency-seal', { mode, credentialId: mode === 'remote' ? 'agency-eseal' : undefined, sealImage: sealImage().toString('base64') });
    expect([res.status, res.body.mode]).toEqual([200, mode]);
  }

  const start = async (id: string, certificate?: string): Promise<Saga> => {
    const res = await clerk.post(`/api/v1/outgoing/${id}/issue/start`, certificate ? { certificate } : {});
    expect(res.status).toBe(202);
    return res.body;
  };
  /** Each appendix as issued: sealed by the agency with the document's number, valid for pdfsig, the attached bytes untouched. */
  async function expectAppendicesSealed(id: string, numberSymbol: string): Promise<void> {
    const detail = (await clerk.get(`/api/v1/outgoing/${id}`)).body;
    const appendices = detail.appendices as { id: string; position: number; issued: boolean }[];
    expect(appendices.map((a) => [a.position, a.issued])).toEqual([[1, true], [2, true]]);
    for (const a of appendices) {
      const pdf = await download(clerk, `/api/v1/outgoing/${id}/appendices/${a.id}/pdf`);
      const attached = appendixFiles[a.position - 1];
      expect(pdf.subarray(0, attached.length).equals(attached)).toBe(true);
      const pdfsig = pdfsigResults(pdf);
      expect(pdfsig).toMatchObject({ valid: 1, invalid: 0 });
      expect(pdfsig.output).toContain(org.agency.name);
      expect(pdf.toString('latin1')).toContain('AppendixSignature');
    }
    expect(detail.numberSymbol).toBe(numberSymbol);
  }
  const appendixAnswers = (saga: Saga, sign = (a: SagaAppendix) => tokenSign(agencySeal, a.signedAttributes)) =>
    saga.appendices.map((a) => ({ appendixId: a.appendixId, signature: sign(a) }));

  const statusOf = async (id: string): Promise<string> => (await clerk.get(`/api/v1/outgoing/${id}`)).body.status;
  const sagaOf = async (id: string): Promise<Saga> => (await clerk.get(`/api/v1/outgoing/${id}/issue/saga`)).body;
  const settled = (id: string, what: string) => waitFor(async () => {
    const saga = await sagaOf(id);
    return ['completed', 'voided', 'failed'].includes(saga.step) ? saga : undefined;
  }, what, 150_000);

  it('token: number and date taken with the prepared seal; a signature over another digest is refused; the token’s seal issues it', async () => {
    await useSeal('token');
    const id = await signedDraft();
    const atOnce = await clerk.post(`/api/v1/outgoing/${id}/issue`, {});
    expect([atOnce.status, atOnce.body.code]).toEqual([409, 'SEAL_KEY_NOT_STORED']);
    const stranger = pki.issue('Công ty Không Liên Quan');
    const wrongHolder = await clerk.post(`/api/v1/outgoing/${id}/issue/start`, { certificate: toPem(stranger.certificate) });
    expect([wrongHolder.status, wrongHolder.body.code]).toEqual([400, 'CERTIFICATE_HOLDER_MISMATCH']);

    const saga = await start(id, toPem(agencySeal.certificate));
    expect(saga).toMatchObject({ step: 'prepared', numberSymbol: expect.stringMatching(/^\d+\/QĐ-/) });
    expect(await statusOf(id)).toBe('sealing');

    const otherDigest = tokenSign(agencySeal, Buffer.from('not the signed attributes').toString('base64'));
    const wrong = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: otherDigest });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'SIGNATURE_MISMATCH']);
    expect(await statusOf(id)).toBe('sealing');

    const sealed = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: tokenSign(agencySeal, saga.signedAttributes) });
    expect(sealed.status).toBe(200);
    expect(sealed.body).toMatchObject({ status: 'issued', numberSymbol: saga.numberSymbol });
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${id}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
    const twice = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: tokenSign(agencySeal, saga.signedAttributes) });
    expect([twice.status, twice.body.code]).toEqual([409, 'SEAL_SAGA_FINISHED']);
  });

  it('token with two appendices: each appendix’s digest signed on its own; a wrong or missing appendix signature is refused and the saga stays open; all sealed, issued', async () => {
    await useSeal('token');
    const id = await signedDraft(['Danh sách học sinh đạt giải', 'Danh sách giáo viên hướng dẫn']);
    const saga = await start(id, toPem(agencySeal.certificate));
    expect(saga.appendices.map((a) => a.position)).toEqual([1, 2]);
    expect(new Set([saga.digest, ...saga.appendices.map((a) => a.digest)]).size).toBe(3);
    expect((await sagaOf(id)).appendices).toEqual(saga.appendices);
    const main = tokenSign(agencySeal, saga.signedAttributes);

    // The second appendix's signature made over the first's attributes: another digest.
    const crossed = appendixAnswers(saga, () => tokenSign(agencySeal, saga.appendices[0].signedAttributes));
    const wrong = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: main, appendices: crossed });
    expect([wrong.status, wrong.body.code, wrong.body.detail]).toEqual([400, 'SIGNATURE_MISMATCH', expect.stringMatching(/^Phụ lục 2: /)]);
    const missing = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: main, appendices: appendixAnswers(saga).slice(0, 1) });
    expect([missing.status, missing.body.code]).toEqual([400, 'APPENDIX_SEALS_MISMATCH']);
    expect([await statusOf(id), (await sagaOf(id)).step]).toEqual(['sealing', 'prepared']);

    const sealed = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: main, appendices: appendixAnswers(saga) });
    expect(sealed.status).toBe(200);
    expect(sealed.body).toMatchObject({ status: 'issued', numberSymbol: saga.numberSymbol });
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${id}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
    await expectAppendicesSealed(id, saga.numberSymbol);
  });

  it('token: a seal that does not come in time voids the number with its reason (printed in the register, never reused); a late seal is refused', async () => {
    await useSeal('token');
    const id = await signedDraft();
    const first = await start(id, toPem(agencySeal.certificate));
    const voided = await settled(id, 'the saga past its time');
    expect([voided.step, voided.failureCode]).toEqual(['voided', 'SEAL_SAGA_EXPIRED']);
    expect(await statusOf(id)).toBe('signed');
    const late = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: first.id, signature: tokenSign(agencySeal, first.signedAttributes) });
    expect([late.status, late.body.code]).toEqual([409, 'SEAL_SAGA_VOIDED']);

    const second = await start(id, toPem(agencySeal.certificate));
    expect(second.number).toBe(first.number + 1);
    const issued = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: second.id, signature: tokenSign(agencySeal, second.signedAttributes) });
    expect(issued.body.status).toBe('issued');
    const book = await clerk.get(`/api/v1/registers/${issued.body.registerId}/book?year=${issued.body.year}`);
    const rows = book.body.rows as { numberSymbol: string; note: string | null }[];
    expect(rows.find((r) => Number.parseInt(r.numberSymbol, 10) === first.number)?.note).toMatch(/^Số bị hủy: .*hết|Số bị hủy: /);
    expect(rows.find((r) => r.numberSymbol === second.numberSymbol)).toBeDefined();
  });

  it('remote e-seal: the worker killed before and between steps resumes the saga; one number, issued once, valid seal', async () => {
    await useSeal('remote');
    // Killed before the saga starts: the document waits `sealing`, not issued, until a worker runs.
    await worker.stop('SIGKILL');
    const a = await signedDraft();
    const sagaA = await start(a);
    expect(sagaA.step).toBe('prepared');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await statusOf(a)).toBe('sealing');
    worker = startWorker(run, env);
    const doneA = await settled(a, 'the e-seal after the restart');
    expect([doneA.step, doneA.failureCode, doneA.reason]).toEqual(['completed', null, null]);
    expect(await statusOf(a)).toBe('issued');
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${a}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
    expect(sim.transactions.filter((t) => t.credentialId === 'agency-eseal').length).toBeGreaterThanOrEqual(1);

    // The number taken while no worker runs, then the provider down when one starts (the saga stays
    // between `prepared` and `requested`), the worker killed there, and a new one once the provider answers.
    await worker.stop('SIGKILL');
    const b = await signedDraft();
    const sagaB = await start(b);
    sim.unreachable = true;
    try {
      const tried = sim.requests.length;
      worker = startWorker(run, env);
      await waitFor(async () => (sim.requests.length > tried ? true : undefined), 'the worker trying the provider');
      expect((await sagaOf(b)).step).toBe('prepared');
      await worker.stop('SIGKILL');
    } finally {
      sim.unreachable = false;
    }
    worker = startWorker(run, env);
    const done = await settled(b, 'the e-seal after the provider came back');
    expect([done.step, done.failureCode, done.number]).toEqual(['completed', null, sagaB.number]);
    const detail = await clerk.get(`/api/v1/outgoing/${b}`);
    expect(detail.body).toMatchObject({ status: 'issued', numberSymbol: sagaB.numberSymbol });
    expect((detail.body.timeline as { action: string }[]).filter((e) => e.action === 'seal')).toHaveLength(1);
    expect(sagaB.number).toBe(sagaA.number + 1);
  });

  it('remote e-seal with two appendices: one CSC request for the three hashes; every seal valid, issued', async () => {
    await useSeal('remote');
    const id = await signedDraft(['Danh sách học sinh đạt giải', 'Danh sách giáo viên hướng dẫn']);
    const asked = sim.transactions.length;
    const saga = await start(id);
    expect(saga.appendices).toHaveLength(2);
    const done = await settled(id, 'the e-seal of the document and its appendices');
    expect([done.step, done.failureCode, done.reason]).toEqual(['completed', null, null]);
    const requests = sim.transactions.slice(asked).filter((t) => t.credentialId === 'agency-eseal');
    expect(requests.map((t) => t.hashes.length)).toEqual([3]);
    expect(requests[0].hashes).toEqual([saga.digest, ...saga.appendices.map((a) => a.digest)]);
    expect(await statusOf(id)).toBe('issued');
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${id}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
    await expectAppendicesSealed(id, saga.numberSymbol);
  });

  it('remote e-seal over sp769 with two appendices: one request per file, each asked once; issued only when all three are signed', async () => {
    await useSeal('remote', 'sp769');
    const id = await signedDraft(['Danh sách học sinh đạt giải', 'Danh sách giáo viên hướng dẫn']);
    const asked = sim.transactions.length;
    const saga = await start(id);
    const mine = () => sim.transactions.slice(asked).filter((t) => t.credentialId === 'agency-eseal');
    await waitFor(async () => (mine().length === 3 && (await sagaOf(id)).step === 'requested' ? true : undefined), 'the three sp769 requests');
    expect(mine().map((t) => [t.protocol, t.hash])).toEqual([saga.digest, ...saga.appendices.map((a) => a.digest)].map((h) => ['sp769', h]));
    // The document and the first appendix confirmed: the second still waits, nothing is issued.
    sim.confirm(mine()[0].id);
    sim.confirm(mine()[1].id);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect([await statusOf(id), (await sagaOf(id)).step]).toEqual(['sealing', 'requested']);
    sim.confirm(mine()[2].id);
    const done = await settled(id, 'the sp769 e-seals');
    expect([done.step, done.failureCode, done.reason]).toEqual(['completed', null, null]);
    expect(mine()).toHaveLength(3);
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${id}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
    await expectAppendicesSealed(id, saga.numberSymbol);
  });

  it('remote e-seal: a signature over another hash voids the number; the document is signed again, not issued', async () => {
    await useSeal('remote');
    const id = await signedDraft();
    sim.signWrongHash = true;
    try {
      await start(id);
      const voided = await settled(id, 'the refused e-seal');
      expect([voided.step, voided.failureCode]).toEqual(['voided', 'REMOTE_SIGNATURE_MISMATCH']);
      expect(await statusOf(id)).toBe('signed');
    } finally {
      sim.signWrongHash = false;
    }
  });

  it('paper: the paper original gets number and date; its scan is sealed top right of page 1 and dispatched like any issued document', async () => {
    await useSeal('stored');
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    const id = await approvedDraft();
    const numbered = await clerk.post(`/api/v1/outgoing/${id}/issue/paper`, {});
    expect(numbered.status).toBe(200);
    expect(numbered.body).toMatchObject({ status: 'numbered', signedOnPaper: true, numberSymbol: expect.stringMatching(/^\d+\/QĐ-/) });
    const form = new FormData();
    filePart(form, 'file', await decisionDraft(), 'ban-giay-da-ky.pdf');
    const scanned = await clerk.post(`/api/v1/outgoing/${id}/issue/paper/scan`, form);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ status: 'issued', numberSymbol: numbered.body.numberSymbol });
    const pdf = await download(clerk, `/api/v1/outgoing/${id}/pdf`);
    expect(pdfsigResults(pdf)).toMatchObject({ valid: 1, invalid: 0 });
    expect(sealCorner(pdf)).toEqual({ right: true, top: true });

    const book = await clerk.get(`/api/v1/registers/${numbered.body.registerId}/book?year=${numbered.body.year}`);
    expect((book.body.rows as { numberSymbol: string; note: string | null }[]).find((r) => r.numberSymbol === numbered.body.numberSymbol)?.note).toMatch(/Bản giấy/);
    const dispatched = await clerk.post(`/api/v1/outgoing/${id}/dispatch`, {});
    expect([dispatched.status, dispatched.body.status]).toEqual([200, 'dispatched']);
  });
});

/** Where the seal's widget sits on page 1: the rectangle written in the last revision against the page's MediaBox. */
function sealCorner(pdf: Buffer): { right: boolean; top: boolean } {
  const text = pdf.toString('latin1');
  const revisions = text.split('%%EOF');
  const last = revisions[revisions.length - 2] ?? '';
  const numbers = '\\s*([\\d.-]+)\\s+([\\d.-]+)\\s+([\\d.-]+)\\s+([\\d.-]+)\\s*';
  const rect = new RegExp(`/Rect\\s*\\[${numbers}\\]`).exec(last);
  const media = new RegExp(`/MediaBox\\s*\\[${numbers}\\]`).exec(text);
  if (!rect || !media) return { right: false, top: false };
  const [, x1, , , y2] = rect.map(Number);
  const [, , , width, height] = media.map(Number);
  return { right: x1 > width / 2, top: y2 > (height * 2) / 3 };
}
