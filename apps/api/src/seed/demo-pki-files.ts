import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoPki, toPem } from '@eoffice/signing';
import { DEMO_AGENCY } from './demo-organisation';

/**
 * DEMO MATERIAL — a locally generated CA with a leader's and the agency's PKCS#12, plus a
 * signature image and a seal image, written to `dir` for trying the signing flow out.
 * These keys prove nothing to anybody; never trust this CA outside a demo.
 */
export function writeDemoPki(dir: string, leaderName: string): string[] {
  const pki = createDemoPki({ leaderName, agencyName: DEMO_AGENCY.name });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files: Record<string, Buffer | string> = {
    'demo-ca.pem': toPem(pki.ca.certificate),
    'leader.p12': pki.leader.p12,
    'agency.p12': pki.agency.p12,
    'leader-signature.png': pki.signatureImage,
    'agency-seal.png': pki.sealImage,
    'PASSPHRASES.txt': [
      'DEMO ONLY — not for production. Passphrases of the demo PKCS#12 files:',
      `leader.p12  ${pki.leader.passphrase}  (${leaderName})`,
      `agency.p12  ${pki.agency.passphrase}  (${DEMO_AGENCY.name})`,
      '',
    ].join('\n'),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, { mode: 0o600 });
  return Object.keys(files).map((name) => join(dir, name));
}
