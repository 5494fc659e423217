import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseUsername, stripDiacritics } from '@eoffice/accounts';
import type { CertificateKind } from '@eoffice/documents';
import {
  createDemoCa, createDemoSealPng, createDemoSignaturePng, exportPkcs12, issueDemoCertificate, parseCertificate, toPem,
} from '@eoffice/signing';
import { DEMO_AGENCY, DEMO_PEOPLE, DEMO_SCHOOL } from './demo-organisation';

/** One demo PKCS#12 file and the image its signatures show, as the seed registers it. */
export interface DemoCertificateEntry {
  kind: CertificateKind;
  /** Personal: the owner's username; organisation: the agency's code. */
  owner: string;
  name: string;
  pkcs12: string;
  passphrase: string;
  image: string;
  validTo: string;
}

export interface DemoPkiManifest {
  ca: string;
  certificates: DemoCertificateEntry[];
}

const MANIFEST = 'manifest.json';
const CA_FILE = 'demo-ca.pem';

/**
 * DEMO MATERIAL — a locally generated CA, a PKCS#12 for each demo leader (with a blue signature
 * image) and for each demo agency (with a red seal image), in `dir`. Kept while still valid, so the
 * passphrases in PASSPHRASES.txt stay true; written anew when missing, from an older layout or
 * expired. These keys prove nothing to anybody; never trust this CA outside a demo.
 */
export function ensureDemoPki(dir: string, now = new Date()): DemoPkiManifest {
  const existing = readManifest(dir);
  if (existing && existing.certificates.every((c) => new Date(c.validTo) > now)) return existing;
  rmSync(dir, { recursive: true, force: true });
  return writeDemoPki(dir);
}

function readManifest(dir: string): DemoPkiManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as DemoPkiManifest;
    const files = [manifest.ca, ...manifest.certificates.flatMap((c) => [c.pkcs12, c.image])];
    return files.every((name) => existsSync(join(dir, name))) ? manifest : null;
  } catch {
    return null;
  }
}

function writeDemoPki(dir: string): DemoPkiManifest {
  const ca = createDemoCa();
  const files = new Map<string, Buffer | string>([[CA_FILE, toPem(ca.certificate)]]);
  const signature = createDemoSignaturePng();
  const seal = createDemoSealPng();
  const leaders = DEMO_PEOPLE.filter((p) => p.roles.includes('leader')).map((p) => {
    const username = baseUsername(p.fullName);
    return { kind: 'personal' as const, owner: username, name: p.fullName, stem: username, organisation: DEMO_AGENCY.name, image: signature };
  });
  const agencies = [DEMO_AGENCY, DEMO_SCHOOL].map((a) => ({
    kind: 'organisation' as const,
    owner: a.code,
    name: a.name,
    stem: stripDiacritics(a.code).toLowerCase(),
    organisation: a.name,
    image: seal,
  }));
  const certificates = [...leaders, ...agencies].map((spec): DemoCertificateEntry => {
    const identity = issueDemoCertificate(ca, { commonName: spec.name, organisation: spec.organisation });
    const passphrase = randomBytes(18).toString('base64url');
    const entry = {
      kind: spec.kind,
      owner: spec.owner,
      name: spec.name,
      pkcs12: `${spec.stem}.p12`,
      passphrase,
      image: `${spec.stem}-${spec.kind === 'personal' ? 'signature' : 'seal'}.png`,
      validTo: parseCertificate(identity.certificate).notAfter.toISOString(),
    };
    files.set(entry.pkcs12, exportPkcs12(identity, [ca.certificate], passphrase, spec.stem));
    files.set(entry.image, spec.image);
    return entry;
  });
  const manifest: DemoPkiManifest = { ca: CA_FILE, certificates };
  files.set(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('PASSPHRASES.txt', passphraseList(certificates));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [name, content] of files) writeFileSync(join(dir, name), content, { mode: 0o600 });
  return manifest;
}

function passphraseList(certificates: DemoCertificateEntry[]): string {
  return [
    'DEMO ONLY — not for production. Passphrases of the demo PKCS#12 files (the seed registers them all):',
    ...certificates.map((c) => `${c.pkcs12.padEnd(14)} ${c.passphrase}  (${c.kind}: ${c.name})`),
    '',
  ].join('\n');
}
