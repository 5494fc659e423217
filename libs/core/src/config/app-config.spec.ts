import { loadConfig } from './app-config';

const valid = {
  JWT_SECRET: 'x'.repeat(32),
  SIGNING_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  MFA_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
};

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.FILE_STORE).toBe('local');
    expect(config.BOOTSTRAP_ADMIN_USERNAME).toBe('admin');
    expect(config.LIBREOFFICE_PATH).toBe('soffice');
    expect(config.CONVERSION_TIMEOUT_SECONDS).toBe(60);
  });

  it('reads reminder thresholds as lists, largest first', () => {
    expect(loadConfig(valid).VALIDITY_REMINDER_DAYS).toEqual([30, 7, 1]);
    expect(loadConfig(valid).INTAKE_WAITING_REMINDER_HOURS).toEqual([4]);
    expect(loadConfig({ ...valid, VALIDITY_REMINDER_DAYS: '1, 14,7,7' }).VALIDITY_REMINDER_DAYS).toEqual([14, 7, 1]);
    expect(() => loadConfig({ ...valid, VALIDITY_REMINDER_DAYS: '30,0' })).toThrow(/^Invalid configuration: VALIDITY_REMINDER_DAYS /);
    expect(() => loadConfig({ ...valid, INTAKE_WAITING_REMINDER_HOURS: 'four' })).toThrow(/^Invalid configuration: INTAKE_WAITING_REMINDER_HOURS /);
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: undefined })).toThrow(
      'Invalid configuration: JWT_SECRET is required',
    );
  });

  it('names a malformed variable', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://x' })).toThrow(/^Invalid configuration: DATABASE_URL must be a URL/);
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(/^Invalid configuration: PORT /);
    expect(() => loadConfig({ ...valid, CONVERSION_TIMEOUT_SECONDS: '0' })).toThrow(/^Invalid configuration: CONVERSION_TIMEOUT_SECONDS /);
  });

  it('requires a bucket for the S3 store', () => {
    expect(() => loadConfig({ ...valid, FILE_STORE: 's3' })).toThrow('S3_BUCKET is required');
  });

  it('connects to the national axis only with its system id and secret', () => {
    expect(() => loadConfig({ ...valid, EXCHANGE_AXIS_URL: 'https://axis.example.gov.vn/api', EXCHANGE_AXIS_SYSTEM_ID: 'sys' })).toThrow('EXCHANGE_AXIS_SECRET are required');
    expect(() => loadConfig({ ...valid, EXCHANGE_AXIS_URL: 'ftp://axis' })).toThrow(/^Invalid configuration: EXCHANGE_AXIS_URL /);
    const config = loadConfig({ ...valid, EXCHANGE_AXIS_URL: 'https://axis.example.gov.vn/api', EXCHANGE_AXIS_SYSTEM_ID: 'sys', EXCHANGE_AXIS_SECRET: 's' });
    expect(config).toMatchObject({ EXCHANGE_AXIS_POLL_SECONDS: 60, EXCHANGE_AXIS_RECONCILE_SECONDS: 3600, EXCHANGE_AXIS_DIRECTORY_CRON: '20 2 * * *' });
  });

  it('gathers the secrets agencies\' own axis accounts may name, and only those', () => {
    const config = loadConfig({ ...valid, EXCHANGE_AXIS_SECRET_STP: 'stp', EXCHANGE_AXIS_SECRET_: 'no name', EXCHANGE_AXIS_SECRET_stp: 'lower case', JWT_SECRET_X: 'other' });
    expect(config.axisSecrets).toEqual({ EXCHANGE_AXIS_SECRET_STP: 'stp' });
  });
});
