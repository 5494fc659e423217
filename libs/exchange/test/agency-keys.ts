import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AgencyKeys {
  privateKeyPem: string;
  certificatePem: string;
}

/** An agency's RSA key and self-signed certificate, made by OpenSSL as an administrator would. */
export function makeAgencyKeys(commonName: string): AgencyKeys {
  const dir = mkdtempSync(join(tmpdir(), 'edxml-keys-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
      '-subj', `/CN=${commonName}/O=eOffice test`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { privateKeyPem: readFileSync(join(dir, 'key.pem'), 'utf8'), certificatePem: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
