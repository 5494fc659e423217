import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importPkcs12, parseCertificate, summariseCertificate } from '@eoffice/signing';
import { query } from './support/db';
import { loadRun } from './support/test-env';

const run = loadRun();
const pkiDir = join(dirname(run.fileStoreDir), 'demo-pki');

describe('demo seed', () => {
  it('creates the demo agency with departments, an attached school, a person for each working role and registers', async () => {
    const units = await query(run.databaseUrl, 'SELECT code, kind, parent_id, agency_id, email FROM unit ORDER BY created_at');
    const agency = units.find((u) => u.code === 'SGDĐT');
    expect(agency).toMatchObject({ kind: 'agency', parent_id: null, email: 'sgddt@eoffice.gov.vn' });
    const departments = units.filter((u) => u.kind === 'department' && u.parent_id === agency.agency_id).map((u) => u.code);
    expect(departments).toEqual(expect.arrayContaining(['GDTRH', 'TCCB', 'VP'])); // other suites add their own
    expect(units.find((u) => u.code === 'THPTTDN')).toMatchObject({ kind: 'agency', parent_id: agency.agency_id });

    const roles = await query(run.databaseUrl, 'SELECT DISTINCT unnest(roles) AS role FROM app_user');
    // The administrator is not seeded: the API creates it from BOOTSTRAP_ADMIN_* on first start.
    expect(roles.map((r) => r.role)).toEqual(expect.arrayContaining(['clerk', 'leader', 'leadership', 'officer']));
    const [clerk] = await query(run.databaseUrl, "SELECT username, email FROM app_user WHERE full_name = 'Nguyễn Văn Bằng'");
    expect(clerk).toEqual({ username: 'bangnv', email: 'bangnv@eoffice.gov.vn' });

    const registers = await query(
      run.databaseUrl,
      `SELECT r.kind, r.confidential FROM register r JOIN unit a ON a.id = r.agency_id
        WHERE a.code = 'SGDĐT' AND r.code IN ('DEN', 'DEN-MAT', 'DI', 'DI-MAT') ORDER BY kind, confidential`,
    );
    expect(registers).toEqual([
      { kind: 'incoming', confidential: false },
      { kind: 'incoming', confidential: true },
      { kind: 'outgoing', confidential: false },
      { kind: 'outgoing', confidential: true },
    ]);
  });

  it('writes a demo CA with the leader and agency PKCS#12, clearly marked as demo', () => {
    const passphrases = readFileSync(join(pkiDir, 'PASSPHRASES.txt'), 'utf8');
    expect(passphrases).toContain('DEMO ONLY');
    for (const name of ['leader', 'agency']) {
      const passphrase = passphrases.match(new RegExp(`${name}\\.p12\\s+(\\S+)`))![1];
      const credentials = importPkcs12(readFileSync(join(pkiDir, `${name}.p12`)), passphrase);
      expect(summariseCertificate(parseCertificate(credentials.certificate)).issuer).toContain('DEMO');
      expect(credentials.chain.length).toBeGreaterThan(0);
    }
    expect(summariseCertificate(parseCertificate(readFileSync(join(pkiDir, 'demo-ca.pem'), 'utf8'))).subject).toContain('DEMO');
    expect(readFileSync(join(pkiDir, 'agency-seal.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
