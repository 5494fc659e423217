import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toPem } from '../src/certificates/certificate-parser';
import { runTool, tempFile } from './external-tools';

/** One signature as poppler's pdfsig reads it, with no help from our library. */
export interface PopplerSignature {
  fieldName: string;
  /** Signed byte ranges, [start, end) each. */
  ranges: Array<[number, number]>;
  valid: boolean;
  totalDocumentSigned: boolean;
  validation: string;
}

let counter = 0;

/** Parses `pdfsig <file>`: field name, signed ranges, "Signature is Valid." and "Total document signed". */
export function popplerSignatures(pdf: Uint8Array): PopplerSignature[] {
  const path = tempFile(`poppler-${process.pid}-${counter++}.pdf`, pdf);
  const output = runTool('pdfsig', [path]).stdout;
  return output.split(/^Signature #\d+:$/m).slice(1).map((block) => {
    const line = (label: string): string => new RegExp(`^\\s*- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
    const ranges = [...line('Signed Ranges').matchAll(/\[(\d+) - (\d+)\]/g)].map((m): [number, number] => [Number(m[1]), Number(m[2])]);
    return {
      fieldName: line('Signature Field Name'),
      ranges,
      validation: line('Signature Validation'),
      valid: line('Signature Validation') === 'Signature is Valid.',
      totalDocumentSigned: /^\s*- Total document signed$/m.test(block),
    };
  });
}

export interface OpensslVerification {
  fieldName: string;
  verified: boolean;
  output: string;
}

/**
 * Every CMS as `pdfsig -dump` extracts it, checked by `openssl cms -verify` over the bytes of the
 * ranges pdfsig reports, against `caCertificate` as the only trust anchor.
 */
export function opensslVerifications(pdf: Uint8Array, caCertificate: Buffer): OpensslVerification[] {
  const dir = tempFile(`openssl-${process.pid}-${counter++}`);
  mkdirSync(dir);
  const pdfPath = join(dir, 'signed.pdf');
  writeFileSync(pdfPath, pdf);
  const caPath = join(dir, 'ca.pem');
  writeFileSync(caPath, toPem(caCertificate));
  const dump = runTool('pdfsig', ['-dump', pdfPath], { cwd: dir });
  if (dump.status !== 0) throw new Error(`pdfsig -dump failed: ${dump.stderr}`);
  return popplerSignatures(pdf).map((signature, i) => {
    const contentPath = join(dir, `content${i}.bin`);
    writeFileSync(contentPath, Buffer.concat(signature.ranges.map(([start, end]) => pdf.subarray(start, end))));
    const result = runTool('openssl', [
      'cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, `signed.pdf.sig${i}`), '-content', contentPath,
      '-CAfile', caPath, '-purpose', 'any', '-out', '/dev/null',
    ]);
    const output = `${result.stdout}${result.stderr}`;
    return { fieldName: signature.fieldName, verified: result.status === 0 && output.includes('Verification successful'), output };
  });
}

/** Each step's output begins with the exact bytes of the step before it (incremental updates only). */
export function earlierRevisionsIntact(sequence: Uint8Array[]): boolean[] {
  return sequence.slice(1).map((later, i) => Buffer.from(later.subarray(0, sequence[i].length)).equals(Buffer.from(sequence[i])));
}

/** `pdftotext` of the whole document. */
export function extractedText(pdf: Uint8Array): string {
  const result = runTool('pdftotext', [tempFile(`text-${process.pid}-${counter++}.pdf`, pdf), '-']);
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

