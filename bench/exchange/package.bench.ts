// edXML packages built (signed) and parsed (verified, hashes checked) per second for a 1 MiB
// agency-signed PDF, as a ratio to reading the same bytes from disk and hashing them (SHA-256) in the
// same run — the least any receiver must do with a package.
// Run: node -r ./scripts/ts-register.cjs bench/exchange/package.bench.ts [iterations] [size-mb]
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { buildPackage, parsePackage } from '@eoffice/exchange';
import { createDemoCa, issueDemoCertificate, signAppendix, toPem } from '@eoffice/signing';
import { sampleHeader } from '../../libs/exchange/test';

const iterations = Number(process.argv[2] ?? 30);
const sizeMb = Number(process.argv[3] ?? 1);

async function signedPdf(): Promise<Buffer> {
  // A one-page decision grown to the wanted size with an attached annex (incompressible bytes).
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]).drawText('QUYET DINH', { x: 250, y: 760, size: 14 });
  await doc.attach(randomBytes(Math.max(0, sizeMb * 1024 * 1024 - 40_000)), 'phu-luc.bin', { mimeType: 'application/octet-stream' });
  const draft = Buffer.from(await doc.save({ useObjectStreams: false }));
  const ca = createDemoCa('eOffice bench CA');
  const agency = issueDemoCertificate(ca, { commonName: 'Sở Giáo dục và Đào tạo' });
  const credentials = { privateKey: agency.privateKey, certificate: agency.certificate, chain: [ca.certificate] };
  // The agency's signature as on an appendix: a real CMS signature over the whole file, no leader step needed here.
  const signed = await signAppendix(draft, { credentials, documentNumberSymbol: '15/QĐ-SGDĐT', agencyName: 'Sở Giáo dục và Đào tạo', trust: { trustAnchors: [ca.certificate] } });
  return signed.toBuffer();
}

function perSecond(label: string, run: () => unknown | Promise<unknown>) {
  return async () => {
    await run(); // warm-up
    const start = performance.now();
    for (let i = 0; i < iterations; i += 1) await run();
    const seconds = (performance.now() - start) / 1000;
    return { label, perSecond: iterations / seconds, msEach: (seconds * 1000) / iterations };
  };
}

async function main(): Promise<void> {
  const pdf = await signedPdf();
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const dir = mkdtempSync(join(tmpdir(), 'edxml-bench-'));
  const path = join(dir, 'document.pdf');
  writeFileSync(path, pdf);
  const ca = createDemoCa('eOffice bench sender CA');
  const sender = issueDemoCertificate(ca, { commonName: 'Sở Giáo dục và Đào tạo' });
  const signer = { privateKey: sender.privateKey, certificatePem: toPem(sender.certificate) };
  const attachments = [{ name: '15_QĐ-SGDĐT.pdf', contentType: 'application/pdf', bytes: pdf }];
  const header = sampleHeader();
  const build = () => buildPackage({ header, traces: [], attachments, signer });
  const built = build();
  const parse = () => parsePackage(built.contentType, built.body, { senderCertificate: () => signer.certificatePem });

  const floor = await perSecond('read + SHA-256 (floor)', () => createHash('sha256').update(readFileSync(path)).digest())();
  const building = await perSecond('build + sign', build)();
  const parsing = await perSecond('parse + verify + hash check', parse)();
  console.log(`edXML package with a ${(pdf.length / 1024 / 1024).toFixed(2)} MiB signed PDF (package ${(built.body.length / 1024 / 1024).toFixed(2)} MiB), ${iterations} runs each, load ${loadavg()[0].toFixed(1)}`);
  for (const r of [floor, building, parsing]) {
    console.log(`  ${r.label.padEnd(30)} ${r.perSecond.toFixed(1).padStart(7)}/s  ${r.msEach.toFixed(2).padStart(7)} ms  ${(floor.perSecond / r.perSecond).toFixed(2)}× the floor's time`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
