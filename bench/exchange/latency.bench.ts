// End-to-end latency of liên thông văn bản between two installations of the product on this
// machine (two databases, two API + worker pairs on the same PostgreSQL and Redis): from A's
// dispatch call for an issued document to B's clerk seeing the intake item listed (polled every
// 50 ms), one document at a time. In the same run, the floor: the very package bytes A sent,
// POSTed again straight to B's receiving endpoint (B parses, verifies and finds it already stored),
// and a bare HTTP round trip to B's API (GET /ready).
//
//   npm run -s build && npm run bench:exchange-latency [-- --documents=10]
//
// A reaches B through a recording relay (test/support/exchange-relay), as in the e2e suites: it
// keeps the package bytes for the floor, and adds one local HTTP hop to the measured path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoCa, createDemoSealPng, createDemoSignaturePng, DemoIdentity, exportPkcs12, issueDemoCertificate, toPem } from '@eoffice/signing';
import { filePart, makePdf } from '../../test/support/documents';
import { startRelay } from '../../test/support/exchange-relay';
import { Client } from '../../test/support/http';
import { createInstallation, DEMO_PASSWORD, Installation, log, ROOT, onCleanup, option, percentile, runBench, startApi, startWorker } from '../support/installation';

const OPT = { documents: option('documents', 10) };
const ORGAN_A = '000.00.41.K72';
const ORGAN_B = '000.00.42.K72';
// The demo seed's agency (apps/api/src/seed): both installations seed it; the seal is issued to its name.
const AGENCY = 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh (DEMO)';

interface Side {
  url: string;
  sealPem: string;
  admin: Client;
  director: Client;
  officer: Client;
  head: Client;
  clerk: Client;
  directorId: string;
}

/** A CA for the run (both installations trust it) and identities issued by it; test/support/outgoing needs jest. */
function benchPki(dir: string) {
  const ca = createDemoCa('eOffice bench CA');
  const anchorsFile = join(dir, 'anchors.pem');
  writeFileSync(anchorsFile, toPem(ca.certificate));
  return { anchorsFile, issue: (commonName: string) => issueDemoCertificate(ca, { commonName }), pkcs12: (id: DemoIdentity) => exportPkcs12(id, [ca.certificate], 'bench', 'bench') };
}
type Pki = ReturnType<typeof benchPki>;

function uploadCertificate(client: Client, pki: Pki, identity: DemoIdentity, kind: 'personal' | 'organisation', image: Buffer) {
  const form = new FormData();
  filePart(form, 'pkcs12', pki.pkcs12(identity), 'cert.p12', 'application/x-pkcs12');
  form.append('passphrase', 'bench');
  form.append('kind', kind);
  filePart(form, 'image', image, 'image.png', 'image/png');
  return client.post('/api/v1/certificates', form);
}

async function must<T>(what: string, reply: Promise<{ status: number; body: T }>, status = [200, 201]): Promise<T> {
  const res = await reply;
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** One installation: API and worker, its people signed in, its agency's OrganId and seal. */
async function startSide(inst: Installation, pki: Pki, organId: string): Promise<Side> {
  const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile };
  const api = await startApi(inst, env);
  startWorker(inst, env);
  const anonymous = new Client(api.url);
  // One after the other: the second-factor enrolment is remembered per username.
  const admin = await anonymous.signIn('admin', inst.env.BOOTSTRAP_ADMIN_PASSWORD!);
  const people: Client[] = [];
  for (const username of ['tuyettta', 'huydq', 'khoalm', 'bangnv']) people.push(await anonymous.signIn(username, DEMO_PASSWORD));
  const me = await must<any>('GET /me', people[0].get('/api/v1/me'));
  const agencyId: string = me.unit.agencyId ?? me.unit.id;
  await must('personal certificate', uploadCertificate(people[0], pki, pki.issue('Trần Thị Ánh Tuyết'), 'personal', createDemoSignaturePng()));
  const seal = pki.issue(AGENCY);
  await must('agency seal', uploadCertificate(admin, pki, seal, 'organisation', createDemoSealPng()));
  await must('OrganId', admin.patch(`/api/v1/units/${agencyId}`, { organId }));
  return { url: api.url, sealPem: toPem(seal.certificate), admin, director: people[0], officer: people[1], head: people[2], clerk: people[3], directorId: me.id };
}

/** Makes `partner` a directory partner of `side`, reached at `endpointUrl`, trusted by its seal certificate. */
async function addPartner(side: Side, organId: string, name: string, endpointUrl: string, certificatePem: string): Promise<void> {
  const added = await must<any>('partner', side.admin.post('/api/v1/agencies', { organId, name, endpointKind: 'installation', endpointUrl }));
  await must('partner certificate', side.admin.put(`/api/v1/agencies/${added.id}/certificate`, { certificatePem }));
}

async function main(): Promise<void> {
  // test/support/mfa keeps the second-factor enrolments of the run there (a fresh worktree has none).
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const [instA, instB] = [await createInstallation(), await createInstallation()];
  const pki = benchPki(instA.workDir);
  const a = await startSide(instA, pki, ORGAN_A);
  const b = await startSide(instB, pki, ORGAN_B);
  const relayToB = await startRelay(b.url);
  onCleanup('relay to B', () => relayToB.close());
  await addPartner(a, ORGAN_B, `${AGENCY} — B`, relayToB.url, b.sealPem);
  await addPartner(b, ORGAN_A, `${AGENCY} — A`, a.url, a.sealPem);

  log(`preparing ${OPT.documents} issued documents on A (draft → review → sign → issue)`);
  const ids: { id: string; subject: string }[] = [];
  const draft = await makePdf('QUYET DINH ve viec thu do tre lien thong van ban');
  for (let i = 0; i < OPT.documents; i++) {
    const subject = `Về việc thử độ trễ liên thông số ${i + 1}`;
    const metadata = {
      documentType: 'Quyết định', subject, urgency: 'normal', confidentiality: 'normal', signerId: a.directorId, signingTitle: 'GIÁM ĐỐC',
      recipients: { unitIds: [], external: [], agencies: [{ organId: ORGAN_B }] },
    };
    const form = new FormData();
    form.append('metadata', JSON.stringify(metadata));
    filePart(form, 'draft', draft, 'du-thao.pdf');
    const created = await must<any>('draft', a.officer.post('/api/v1/outgoing', form));
    for (const [who, step] of [[a.officer, 'submit'], [a.head, 'approve'], [a.clerk, 'approve'], [a.director, 'approve']] as const) {
      await must(step, who.post(`/api/v1/outgoing/${created.id}/${step}`, { comment: 'ok' }));
    }
    await must('sign', a.director.post(`/api/v1/outgoing/${created.id}/sign`, {}));
    await must('issue', a.clerk.post(`/api/v1/outgoing/${created.id}/issue`));
    ids.push({ id: created.id, subject });
  }

  const latency: number[] = [];
  for (const { id, subject } of ids) {
    const t0 = performance.now();
    await must('dispatch', a.clerk.post(`/api/v1/outgoing/${id}/dispatch`));
    for (;;) {
      const list = await must<any>('intake', b.clerk.get('/api/v1/intake'));
      if (list.items?.some((x: any) => x.channel === 'edxml' && x.proposal?.subject === subject)) break;
      if (performance.now() - t0 > 300_000) throw new Error(`${subject}: not on B after 300 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    latency.push(performance.now() - t0);
    log(`document ${latency.length}: ${latency.at(-1)!.toFixed(0)} ms`);
  }

  // The floor: the same package bytes straight to B's receiving endpoint (a duplicate: parsed,
  // verified, found already stored), and a bare round trip to B's API.
  const packages = relayToB.posts.filter((p) => p.path.includes('/exchange/packages'));
  if (packages.length < ids.length) throw new Error(`the relay saw ${packages.length} packages for ${ids.length} documents`);
  const direct: number[] = [];
  const bare: number[] = [];
  for (const p of packages) {
    const t0 = performance.now();
    const res = await fetch(`${b.url}${p.path}`, { method: 'POST', headers: { 'content-type': p.contentType }, body: new Uint8Array(p.body) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`direct POST to B: ${res.status}`);
    direct.push(performance.now() - t0);
    const t1 = performance.now();
    await (await fetch(`${b.url}/ready`)).arrayBuffer();
    bare.push(performance.now() - t1);
  }
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
  const [l, d, r] = [sorted(latency), sorted(direct), sorted(bare)];
  const kib = packages.reduce((s, p) => s + p.body.length, 0) / packages.length / 1024;
  const load = execFileSync('uptime', { encoding: 'utf8' }).trim();
  console.log('');
  console.log(`A dispatch → B intake item listed, ${ids.length} documents one at a time (package ~${kib.toFixed(0)} KiB)`);
  console.log(`  end to end median / p95              ${percentile(l, 0.5).toFixed(0)} / ${percentile(l, 0.95).toFixed(0)} ms`);
  console.log(`  floor: same package POSTed to B      ${percentile(d, 0.5).toFixed(0)} / ${percentile(d, 0.95).toFixed(0)} ms  (ratio of medians ${(percentile(l, 0.5) / percentile(d, 0.5)).toFixed(1)}×)`);
  console.log(`  bare HTTP round trip to B (/ready)   ${percentile(r, 0.5).toFixed(1)} / ${percentile(r, 0.95).toFixed(1)} ms  (ratio ${(percentile(l, 0.5) / percentile(r, 0.5)).toFixed(0)}×)`);
  console.log(`  load: ${load}`);
}

runBench(main);
