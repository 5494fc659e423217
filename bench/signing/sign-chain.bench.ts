// Benchmark of the Decree 30 signing chain on a two-page decision: prints per-step timings.
// Run: node -r ./scripts/ts-register.cjs bench/signing/sign-chain.bench.ts [iterations]
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import {
  applyLeaderSignature, applyOrganisationSignature, createDemoPki, fillNumberAndDate, importPkcs12,
  prepareDraft, signAppendix, verifyPdfSignatures,
} from '@eoffice/signing';

const iterations = Number(process.argv[2] ?? 20);

async function decisionPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSerif.ttf')), { subset: true });
  for (let page = 0; page < 2; page += 1) {
    const p = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 40; line += 1) p.drawText(`Điều ${line + 1}. Nội dung quyết định, trang ${page + 1}.`, { x: 85, y: 780 - line * 18, size: 12, font });
  }
  return doc.save({ useObjectStreams: false });
}

async function timed<T>(timings: Map<string, number[]>, step: string, run: () => Promise<T> | T): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  const list = timings.get(step) ?? [];
  list.push(Number(process.hrtime.bigint() - start) / 1e6);
  timings.set(step, list);
  return result;
}

async function main(): Promise<void> {
  const pki = createDemoPki();
  const leader = importPkcs12(pki.leader.p12, pki.leader.passphrase);
  const agency = importPkcs12(pki.agency.p12, pki.agency.passphrase);
  const trust = { trustAnchors: [pki.ca.certificate] };
  const source = await decisionPdf();
  const timings = new Map<string, number[]>();
  let finalSize = 0;
  for (let i = 0; i < iterations; i += 1) {
    const draft = await timed(timings, 'prepareDraft', () => prepareDraft(source, {
      leaderSignature: { page: 'last', rect: { x: 330, y: 60, width: 160, height: 95 } },
      documentNumber: { page: 0, rect: { x: 60, y: 800, width: 180, height: 20 } },
      issueDateLine: { page: 0, rect: { x: 270, y: 800, width: 280, height: 20 } },
    }));
    const signed = await timed(timings, 'applyLeaderSignature', () => applyLeaderSignature(draft, {
      credentials: leader, signerName: 'Nguyễn Văn Đức', signatureImage: pki.signatureImage, trust,
    }));
    const numbered = await timed(timings, 'fillNumberAndDate', () => fillNumberAndDate(signed, {
      documentNumber: i + 1, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date(),
    }));
    const sealed = await timed(timings, 'applyOrganisationSignature', () => applyOrganisationSignature(numbered, {
      credentials: agency, agencyName: 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', sealImage: pki.sealImage, trust,
    }));
    await timed(timings, 'signAppendix', () => signAppendix(source, { credentials: agency, documentNumberSymbol: '05/QĐ-SGDĐT', trust }));
    const report = await timed(timings, 'verifyPdfSignatures', () => verifyPdfSignatures(sealed, trust));
    if (!report.signatures.every((s) => s.intact)) throw new Error('a signature does not verify');
    finalSize = sealed.length;
  }
  console.log(`signing chain, ${iterations} iterations, source ${source.length} B, sealed ${finalSize} B`);
  for (const [step, values] of timings) {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    console.log(`${step.padEnd(28)} mean ${mean.toFixed(1).padStart(7)} ms   median ${sorted[Math.floor(sorted.length / 2)].toFixed(1).padStart(7)} ms   max ${sorted[sorted.length - 1].toFixed(1).padStart(7)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
