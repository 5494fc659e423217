// The steps the large-file benchmark measures, each one a function of the input PDF, plus the
// floor it compares them with: one SHA-256 pass over the file and one RSA-2048 signature.
import { createHash, sign } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyLeaderSignature, applyOrganisationSignature, createDemoPki, fillNumberAndDate, importPkcs12,
  prepareDraft, SigningCredentials, TrustOptions, UpdatedPdf, verifyPdfSignatures,
} from '@eoffice/signing';
import { LARGE_PDF_LAYOUT } from './large-pdf';

export const STEPS = ['floor', 'prepare', 'leader', 'fill', 'organisation', 'verify'] as const;
export type StepName = (typeof STEPS)[number];

/** Timed runs per child process (times are their medians); memory is measured in one more run. */
export const MEASURED_RUNS = 5;

export const STEP_LABELS: Record<StepName, string> = {
  floor: 'floor: SHA-256 + RSA sign',
  prepare: 'prepare draft',
  leader: 'leader signature',
  fill: 'number + date fill',
  organisation: 'organisation signature',
  verify: 'verification',
};

/** The step whose output each step reads (the floor and the draft read the source). */
export const STEP_INPUT: Record<StepName, StepName | 'source'> = {
  floor: 'source', prepare: 'source', leader: 'prepare', fill: 'leader', organisation: 'fill', verify: 'organisation',
};

export interface BenchFixtures {
  leader: SigningCredentials;
  agency: SigningCredentials;
  trust: TrustOptions;
  signatureImage: Buffer;
  sealImage: Buffer;
}

/** Writes the demo PKI to `dir` once, so that every child process signs with the same keys. */
export function writeFixtures(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const pki = createDemoPki();
  writeFileSync(join(dir, 'leader.p12'), pki.leader.p12);
  writeFileSync(join(dir, 'agency.p12'), pki.agency.p12);
  writeFileSync(join(dir, 'ca.der'), pki.ca.certificate);
  writeFileSync(join(dir, 'signature.png'), pki.signatureImage);
  writeFileSync(join(dir, 'seal.png'), pki.sealImage);
  writeFileSync(join(dir, 'passphrases.json'), JSON.stringify({ leader: pki.leader.passphrase, agency: pki.agency.passphrase }));
}

export function readFixtures(dir: string): BenchFixtures {
  const passphrases = JSON.parse(readFileSync(join(dir, 'passphrases.json'), 'utf8')) as { leader: string; agency: string };
  return {
    leader: importPkcs12(readFileSync(join(dir, 'leader.p12')), passphrases.leader),
    agency: importPkcs12(readFileSync(join(dir, 'agency.p12')), passphrases.agency),
    trust: { trustAnchors: [readFileSync(join(dir, 'ca.der'))] },
    signatureImage: readFileSync(join(dir, 'signature.png')),
    sealImage: readFileSync(join(dir, 'seal.png')),
  };
}

/** Writes a step's PDF as a file store does: its parts one after the other, never joined. */
export function writePdf(path: string, pdf: UpdatedPdf): void {
  const fd = openSync(path, 'w');
  try {
    pdf.parts().forEach((part) => writeSync(fd, part));
  } finally {
    closeSync(fd);
  }
}

/** Runs one step; returns the PDF it produced (undefined for the floor and the verification). */
export async function runStep(step: StepName, pdf: Buffer, fixtures: BenchFixtures): Promise<UpdatedPdf | undefined> {
  switch (step) {
    case 'floor': {
      const digest = createHash('sha256').update(pdf).digest();
      sign('sha256', digest, fixtures.leader.privateKey);
      return undefined;
    }
    case 'prepare':
      return prepareDraft(pdf, LARGE_PDF_LAYOUT);
    case 'leader':
      return applyLeaderSignature(pdf, {
        credentials: fixtures.leader, signerName: 'Nguyễn Văn Đức', signatureImage: fixtures.signatureImage, trust: fixtures.trust,
        reason: 'Phê duyệt', location: 'Tây Ninh',
      });
    case 'fill':
      return fillNumberAndDate(pdf, { documentNumber: 5, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: { year: 2027, month: 1, day: 5 } });
    case 'organisation':
      return applyOrganisationSignature(pdf, {
        credentials: fixtures.agency, agencyName: 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', sealImage: fixtures.sealImage, trust: fixtures.trust,
      });
    case 'verify': {
      const report = verifyPdfSignatures(pdf, fixtures.trust);
      if (report.signatures.length !== 2 || !report.signatures.every((s) => s.intact && s.certificateTrusted)) {
        throw new Error(`verification failed: ${JSON.stringify(report.signatures.map((s) => s.problems))}`);
      }
      return undefined;
    }
  }
}
