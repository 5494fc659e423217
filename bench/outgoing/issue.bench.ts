// Benchmark of the clerk's issue (cấp số) of outgoing documents (issue 6): issues per second over
// HTTP — number from the register counter, number and date written into the PDF, the agency's
// signature with the seal, the new file stored, all in one transaction — on a 1 MB signed PDF,
// as a ratio to the signing library's bare work on the same PDF measured in the same run.
//
//   npm run -s build && npm run bench:issue [-- --documents=24 --concurrency=2 --size-mb=1]
//
// Runs on a throwaway installation (see bench/support/installation.ts) with a CA made for the run.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import {
  applyOrganisationSignature, createDemoCa, createDemoSealPng, createDemoSignaturePng, exportPkcs12, fillNumberAndDate,
  importPkcs12, issueDemoCertificate, toPem,
} from '@eoffice/signing';
import { buildDecisionSource } from '../../libs/signing/test';
import { Client } from '../../test/support/http';
import { createInstallation, DEMO_PASSWORD, log, option, percentile, runBench, startApi } from '../support/installation';

const OPT = {
  documents: option('documents', 24),
  concurrency: option('concurrency', 2),
  sizeMb: option('size-mb', 1),
  baselineRuns: option('baseline-runs', 10),
};

class Session {
  constructor(readonly url: string, readonly token: string) {}

  /** Through the second factor where the role requires it (clerks, leaders: docs/sign-in.md). */
  static async signIn(url: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
    return new Session(url, (await new Client(url).signInSession(username, password)).accessToken);
  }

  async post(path: string, body?: unknown): Promise<any> {
    const init: RequestInit = { method: 'POST', headers: { authorization: `Bearer ${this.token}` } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.url}/api/v1${path}`, init);
    const json = await res.json().catch(() => undefined);
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async bytes(path: string): Promise<Buffer> {
    const res = await fetch(`${this.url}/api/v1${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    return Buffer.from(await res.arrayBuffer());
  }
}

/** The Decree 30 decision template grown to the wanted size with an attached annex (incompressible bytes). */
async function draftOfSize(megabytes: number): Promise<Buffer> {
  const doc = await PDFDocument.load(await buildDecisionSource(false));
  await doc.attach(randomBytes(Math.max(0, megabytes * 1024 * 1024 - 40_000)), 'phu-luc.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function form(parts: Record<string, string | { bytes: Buffer; name: string; type: string }>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.name);
  }
  return data;
}

async function main(): Promise<void> {
  const inst = await createInstallation();
  const ca = createDemoCa('eOffice bench CA');
  const anchors = join(inst.workDir, 'anchors.pem');
  writeFileSync(anchors, toPem(ca.certificate));
  const api = await startApi(inst, { SIGNING_TRUST_ANCHORS: anchors });
  const [admin, director, officer, head, clerk] = await Promise.all([
    Session.signIn(api.url, 'admin', inst.env.BOOTSTRAP_ADMIN_PASSWORD),
    ...['tuyettta', 'huydq', 'khoalm', 'bangnv'].map((u) => Session.signIn(api.url, u)),
  ]);
  const leaderP12 = exportPkcs12(issueDemoCertificate(ca, { commonName: 'Trần Thị Ánh Tuyết' }), [ca.certificate], 'bench', 'leader');
  const agencyIdentity = issueDemoCertificate(ca, { commonName: 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh' });
  const agencyP12 = exportPkcs12(agencyIdentity, [ca.certificate], 'bench', 'agency');
  const png = (bytes: Buffer) => ({ bytes, name: 'image.png', type: 'image/png' });
  const p12 = (bytes: Buffer) => ({ bytes, name: 'key.p12', type: 'application/x-pkcs12' });
  await director.post('/certificates', form({ pkcs12: p12(leaderP12), passphrase: 'bench', kind: 'personal', image: png(createDemoSignaturePng()) }));
  await admin.post('/certificates', form({ pkcs12: p12(agencyP12), passphrase: 'bench', kind: 'organisation', image: png(createDemoSealPng()) }));

  const draft = await draftOfSize(OPT.sizeMb);
  const me = (await (await fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${director.token}` } })).json()) as { id: string };
  log(`draft PDF ${(draft.length / 1024 / 1024).toFixed(2)} MiB; preparing ${OPT.documents} signed documents`);
  const ids: string[] = [];
  for (let i = 0; i < OPT.documents; i++) {
    const metadata = {
      documentType: 'Quyết định', subject: `Quyết định số liệu thử ${i + 1}`, urgency: 'normal', confidentiality: 'normal', signerId: me.id,
      recipients: { unitIds: [], external: [{ name: 'Sở Nội vụ', email: 'vp@snv.example.vn' }] },
    };
    const { id } = await officer.post('/outgoing', form({ metadata: JSON.stringify(metadata), draft: { bytes: draft, name: 'du-thao.pdf', type: 'application/pdf' } }));
    await officer.post(`/outgoing/${id}/submit`, {});
    for (const reviewer of [head, clerk, director]) await reviewer.post(`/outgoing/${id}/approve`, {});
    await director.post(`/outgoing/${id}/sign`, {});
    ids.push(id);
  }

  // The floor: what the library itself does for an issue, on the same signed PDF, in this process.
  const signed = await clerk.bytes(`/outgoing/${ids[0]}/pdf`);
  const credentials = importPkcs12(agencyP12, 'bench');
  const trust = { trustAnchors: [ca.certificate] };
  const seal = createDemoSealPng();
  const bare: number[] = [];
  for (let i = 0; i < OPT.baselineRuns; i++) {
    const t0 = performance.now();
    const filled = await fillNumberAndDate(signed, { documentNumber: i + 1, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() });
    await applyOrganisationSignature(filled, { credentials, agencyName: 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', sealImage: seal, trust });
    bare.push(performance.now() - t0);
  }

  // Half one at a time (latency against the floor), half `concurrency` at a time (throughput).
  const half = Math.ceil(ids.length / 2);
  const sequential = await issueAll(clerk, ids.slice(0, half), 1);
  const parallel = await issueAll(clerk, ids.slice(half), OPT.concurrency);
  const bareP50 = percentile([...bare].sort((a, b) => a - b), 0.5);
  const issueP50 = percentile(sequential.sorted, 0.5);
  console.log('');
  console.log(`outgoing issue on a ${(signed.length / 1024 / 1024).toFixed(2)} MiB signed PDF (${OPT.documents} documents)`);
  console.log(`  issue latency p50 / p95, one at a time         ${issueP50.toFixed(0)} / ${percentile(sequential.sorted, 0.95).toFixed(0)} ms (${half} issues)`);
  console.log(`  library floor: fill number+date + seal p50     ${bareP50.toFixed(0)} ms (${OPT.baselineRuns} runs in this process)`);
  console.log(`  ratio issue p50 / library floor p50            ${(issueP50 / bareP50).toFixed(2)}`);
  console.log(`  issues per second one at a time                ${sequential.perSecond.toFixed(2)}`);
  console.log(`  issues per second, ${OPT.concurrency} clerks at once            ${parallel.perSecond.toFixed(2)} (${ids.length - half} issues)`);
  console.log('  (an issue also re-verifies the leader signature, reads and stores the PDF, takes the number and writes the audit entry)');
}

async function issueAll(clerk: Session, ids: string[], concurrency: number): Promise<{ sorted: number[]; perSecond: number }> {
  log(`issuing ${ids.length} documents, ${concurrency} at a time`);
  const latencies: number[] = [];
  const queue = [...ids];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const started = performance.now();
        await clerk.post(`/outgoing/${id}/issue`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { sorted: latencies.sort((a, b) => a - b), perSecond: ids.length / ((performance.now() - t0) / 1000) };
}

runBench(main);
