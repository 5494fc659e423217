// Benchmark of the issue saga with a remote e-seal (issue 16.2): the clerk's issue of a signed
// document when the agency's seal key sits at a CA (CSC signHash against the simulator the tests
// use, with a configurable network round trip) against the in-process seal with the stored key,
// one document at a time, in the same run on the same installation. The saga's latency is from
// POST /issue/start to GET /outgoing/:id showing `issued` (polled every 25 ms).
//
//   npm run -s build && npm run bench:seal-saga [-- --documents=8 --latency-ms=30]
//
// Runs on a throwaway installation (see bench/support/installation.ts) with a CA made for the run.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDemoCa, createDemoSealPng, createDemoSignaturePng, exportPkcs12, issueDemoCertificate, toPem,
} from '@eoffice/signing';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client } from '../../test/support/http';
import { startRemoteSigningSimulator } from '../../test/support/remote-signing-simulator';
import { createInstallation, DEMO_PASSWORD, log, onCleanup, option, percentile, runBench, startApi, startWorker } from '../support/installation';

const OPT = {
  documents: option('documents', 8),
  latencyMs: option('latency-ms', 30),
};
// The demo seed's agency (apps/api/src/seed): a seal certificate must be issued to the agency's own name.
const AGENCY = 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh (DEMO)';

class Session {
  constructor(readonly url: string, readonly token: string) {}

  static async signIn(url: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
    return new Session(url, (await new Client(url).signInSession(username, password)).accessToken);
  }

  async call(method: string, path: string, body?: unknown): Promise<any> {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${this.token}` } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.url}/api/v1${path}`, init);
    const json = await res.json().catch(() => undefined);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
}

function form(parts: Record<string, string | { bytes: Buffer; name: string; type: string }>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.name);
  }
  return data;
}

/** A one-page A4 draft (the signing library adds the fields); the libs' test fixtures are for jest only. */
async function onePageDraft(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText('QUYET DINH ve viec to chuc ky thi chon hoc sinh gioi cap tinh', { x: 72, y: 700, size: 13, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function main(): Promise<void> {
  const sim = await startRemoteSigningSimulator();
  onCleanup('remote signing simulator', () => sim.close());
  const inst = await createInstallation();
  const ca = createDemoCa('eOffice bench CA');
  const anchors = join(inst.workDir, 'anchors.pem');
  writeFileSync(anchors, toPem(ca.certificate));
  const env = {
    SIGNING_TRUST_ANCHORS: anchors,
    REMOTE_SIGNING_CREDENTIALS: JSON.stringify({ simulator: { clientId: sim.clientId, clientSecret: sim.clientSecret } }),
  };
  const api = await startApi(inst, env);
  startWorker(inst, env);
  const [admin, director, officer, head, clerk] = await Promise.all([
    Session.signIn(api.url, 'admin', inst.env.BOOTSTRAP_ADMIN_PASSWORD),
    ...['tuyettta', 'huydq', 'khoalm', 'bangnv'].map((u) => Session.signIn(api.url, u)),
  ]);
  const leaderP12 = exportPkcs12(issueDemoCertificate(ca, { commonName: 'Trần Thị Ánh Tuyết' }), [ca.certificate], 'bench', 'leader');
  const agencyIdentity = issueDemoCertificate(ca, { commonName: AGENCY });
  const agencyP12 = exportPkcs12(agencyIdentity, [ca.certificate], 'bench', 'agency');
  const png = (bytes: Buffer) => ({ bytes, name: 'image.png', type: 'image/png' });
  const p12 = (bytes: Buffer) => ({ bytes, name: 'key.p12', type: 'application/x-pkcs12' });
  await director.call('POST', '/certificates', form({ pkcs12: p12(leaderP12), passphrase: 'bench', kind: 'personal', image: png(createDemoSignaturePng()) }));
  await admin.call('POST', '/certificates', form({ pkcs12: p12(agencyP12), passphrase: 'bench', kind: 'organisation', image: png(createDemoSealPng()) }));
  // The same key as an e-seal at the CA: both ways sign the same bytes with the same RSA-2048 key.
  sim.addSeal('agency-eseal', agencyIdentity, [ca.certificate]);
  sim.latencyMs = OPT.latencyMs;

  const draft = await onePageDraft();
  const me = (await director.call('GET', '/me')) as { id: string };
  log(`preparing ${OPT.documents * 2} signed documents`);
  const ids: string[] = [];
  for (let i = 0; i < OPT.documents * 2; i++) {
    const metadata = {
      documentType: 'Quyết định', subject: `Quyết định số liệu thử ${i + 1}`, urgency: 'normal', confidentiality: 'normal', signerId: me.id,
      recipients: { unitIds: [], external: [{ name: 'Sở Nội vụ', email: 'vp@snv.example.vn' }] },
    };
    const { id } = await officer.call('POST', '/outgoing', form({ metadata: JSON.stringify(metadata), draft: { bytes: draft, name: 'du-thao.pdf', type: 'application/pdf' } }));
    await officer.call('POST', `/outgoing/${id}/submit`, {});
    for (const reviewer of [head, clerk, director]) await reviewer.call('POST', `/outgoing/${id}/approve`, {});
    await director.call('POST', `/outgoing/${id}/sign`, {});
    ids.push(id);
  }

  // Alternating rounds, so a change of load during the run touches both sides alike.
  const stored: number[] = [];
  const saga: number[] = [];
  const started: number[] = [];
  for (let i = 0; i < OPT.documents; i++) {
    await admin.call('PUT', '/agency-seal', { mode: 'stored' });
    let t0 = performance.now();
    await clerk.call('POST', `/outgoing/${ids[2 * i]}/issue`);
    stored.push(performance.now() - t0);

    await admin.call('PUT', '/remote-signing/provider', { protocol: 'csc', baseUrl: sim.cscUrl, credentialsKey: 'simulator', timeoutSeconds: 60, pollSeconds: 1 });
    await admin.call('PUT', '/agency-seal', { mode: 'remote', credentialId: 'agency-eseal', sealImage: createDemoSealPng().toString('base64') });
    const id = ids[2 * i + 1];
    t0 = performance.now();
    await clerk.call('POST', `/outgoing/${id}/issue/start`, {});
    started.push(performance.now() - t0);
    for (;;) {
      const { status } = (await clerk.call('GET', `/outgoing/${id}`)) as { status: string };
      if (status === 'issued') break;
      if (status !== 'sealing') throw new Error(`saga ended ${status}: ${JSON.stringify(await clerk.call('GET', `/outgoing/${id}/issue/saga`))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    saga.push(performance.now() - t0);
  }
  const p50 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);
  const load = execFileSync('uptime', { encoding: 'utf8' }).trim();
  console.log('');
  console.log(`issue of a signed decision, ${OPT.documents} documents each way, one at a time; simulated network ${OPT.latencyMs} ms per provider call`);
  console.log(`  in-process seal (stored key) p50 / max      ${p50(stored).toFixed(0)} / ${Math.max(...stored).toFixed(0)} ms`);
  console.log(`  saga with remote e-seal p50 / max           ${p50(saga).toFixed(0)} / ${Math.max(...saga).toFixed(0)} ms`);
  console.log(`    of which the API's 202 (number, prepared seal, e-seal certificate fetched) p50  ${p50(started).toFixed(0)} ms`);
  console.log(`  latency added by the saga p50               ${(p50(saga) - p50(stored)).toFixed(0)} ms (ratio ${(p50(saga) / p50(stored)).toFixed(2)})`);
  console.log(`  provider calls per saga (login, authorize, signHash…)  ${(sim.requests.length / OPT.documents).toFixed(1)}`);
  console.log(`  load: ${load}`);
}

runBench(main);
