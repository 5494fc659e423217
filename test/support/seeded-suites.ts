/**
 * Suites that still sign in as the demo seed's people and read its rows: they get a copy of the
 * run's seeded database instead of the bare migrated one (jest-setup.ts). Every other suite makes
 * its own organisation (organisation.ts) and depends on no seeded row. `demo-seed` stays here on
 * purpose — it tests the seed; the rest is what is left to move to the fixture.
 */
export const SUITES_ON_DEMO_SEED: readonly string[] = [
  'access-history',
  'accounts-authorization',
  'accounts-directory',
  'accounts-lifecycle',
  'accounts-organisation-scope',
  'accounts-rate-limit',
  'audit-chain',
  'audit-checkpoint',
  'backups',
  'certificates-signers',
  'certificates',
  'chaos',
  'confidential-documents',
  'demo-seed',
  'files-and-fixity',
  'foundation',
  'incoming-void',
  'office-conversion',
  'operations',
  'pool-under-load',
  'records-destruction',
  'records-handover',
  'records',
  'register-books',
  'scan-rate',
  'scans',
  'stats',
  'web-session',
  'web',
];
