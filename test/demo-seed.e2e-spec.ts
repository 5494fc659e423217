import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importPkcs12, parseCertificate, summariseCertificate } from '@eoffice/signing';
import { count, query } from './support/db';
import { loadRun, processEnv, ROOT } from './support/test-env';

const run = loadRun();
const pkiDir = join(dirname(run.fileStoreDir), 'demo-pki');
const seed = () => execFileSync('node', ['dist/apps/api/apps/api/src/seed.js'], { cwd: ROOT, env: processEnv(run), stdio: 'pipe' }).toString();

describe('demo seed', () => {
  // The only suite on the demo organisation: it loads it into its own copy of the migrated database
  // with the built CLI, as `npm run seed` does; every other suite makes its own (organisation.ts).
  beforeAll(() => {
    seed();
  });

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

  it('writes a demo CA with a PKCS#12 for each leader and agency, clearly marked as demo', () => {
    const passphrases = readFileSync(join(pkiDir, 'PASSPHRASES.txt'), 'utf8');
    expect(passphrases).toContain('DEMO ONLY');
    for (const name of ['tuyettta', 'khoalm', 'sgddt', 'thpttdn']) {
      const passphrase = passphrases.match(new RegExp(`${name}\\.p12\\s+(\\S+)`))![1];
      const credentials = importPkcs12(readFileSync(join(pkiDir, `${name}.p12`)), passphrase);
      expect(summariseCertificate(parseCertificate(credentials.certificate)).issuer).toContain('DEMO');
      expect(credentials.chain.length).toBeGreaterThan(0);
    }
    expect(summariseCertificate(parseCertificate(readFileSync(join(pkiDir, 'demo-ca.pem'), 'utf8'))).subject).toContain('DEMO');
    expect(readFileSync(join(pkiDir, 'sgddt-seal.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(pkiDir, 'khoalm-signature.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('registers those certificates for signing: the leaders’ with their signature, each agency’s with its seal', async () => {
    const rows = await query(
      run.databaseUrl,
      `SELECT c.kind, coalesce(p.username, u.code) AS owner, c.active, c.fingerprint, f.sha256 AS image_sha256
         FROM signing_certificate c
         JOIN stored_file f ON f.id = c.image_file_id
         LEFT JOIN app_user p ON p.id = c.owner_user_id
         LEFT JOIN unit u ON u.id = c.owner_agency_id
        WHERE c.created_by IS NULL
        ORDER BY c.kind, owner`,
    );
    expect(rows.map((r) => [r.kind, r.owner, r.active])).toEqual([
      ['organisation', 'SGDĐT', true],
      ['organisation', 'THPTTDN', true],
      ['personal', 'khoalm', true],
      ['personal', 'tamhv', true], // the school's head
      ['personal', 'tuyettta', true],
    ]);
    const sha256 = (file: string) => createHash('sha256').update(readFileSync(join(pkiDir, file))).digest('hex');
    expect(rows.find((r) => r.owner === 'khoalm').image_sha256).toBe(sha256('khoalm-signature.png'));
    expect(rows.find((r) => r.owner === 'SGDĐT').image_sha256).toBe(sha256('sgddt-seal.png'));
  });

  it('changes nothing when run again on the same database', async () => {
    const counts = async () => ({ certificates: await count(run.databaseUrl, 'signing_certificate'), audit: await count(run.databaseUrl, 'audit_event') });
    const before = await counts();
    const output = seed();
    expect(output).toContain('(0 new)');
    expect(await counts()).toEqual(before);
  });
});
