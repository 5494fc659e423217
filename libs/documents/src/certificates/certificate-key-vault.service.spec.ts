import { generateKeyPairSync } from 'node:crypto';
import type { AppConfig } from '@eoffice/core';
import { CertificateKeyVault, KeyBinding } from './certificate-key-vault.service';

describe('private keys sealed at rest', () => {
  const vault = new CertificateKeyVault({ SIGNING_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64') } as AppConfig);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const row: KeyBinding = { id: '7f1d6c1e-0000-4000-8000-000000000001', kind: 'personal', ownerUserId: 'user-a', ownerAgencyId: null };
  const der = (key: typeof privateKey) => key.export({ type: 'pkcs8', format: 'der' });

  it('opens a key on the row it was sealed for', () => {
    const sealed = vault.seal(row, privateKey);
    expect(der(vault.open(row, JSON.parse(JSON.stringify(sealed))))).toEqual(der(privateKey));
    expect(JSON.stringify(sealed)).not.toContain(der(privateKey).toString('base64').slice(-40));
  });

  it('refuses a key moved to another row, or a row given another owner', () => {
    const sealed = vault.seal(row, privateKey);
    const code = (binding: KeyBinding) => {
      try {
        vault.open(binding, sealed);
        return 'OK';
      } catch (error) {
        return `${(error as { status: number }).status} ${(error as { code: string }).code}`;
      }
    };
    expect(code({ ...row, id: '7f1d6c1e-0000-4000-8000-000000000002' })).toBe('409 CERTIFICATE_KEY_UNAVAILABLE');
    expect(code({ ...row, ownerUserId: 'user-b' })).toBe('409 CERTIFICATE_KEY_UNAVAILABLE');
    expect(code({ ...row, kind: 'organisation', ownerUserId: null, ownerAgencyId: 'user-a' })).toBe('409 CERTIFICATE_KEY_UNAVAILABLE');
    expect(code(row)).toBe('OK');
  });

  it('needs this installation’s key-encryption key', () => {
    const other = new CertificateKeyVault({ SIGNING_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 8).toString('base64') } as AppConfig);
    expect(() => other.open(row, vault.seal(row, privateKey))).toThrow(expect.objectContaining({ code: 'CERTIFICATE_KEY_UNAVAILABLE' }));
  });
});
