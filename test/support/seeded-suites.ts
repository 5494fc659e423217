/**
 * Suites that still sign in as the demo seed's people and read its rows: they get a copy of the
 * run's seeded database instead of the bare migrated one (jest-setup.ts). Every other suite makes
 * its own organisation (organisation.ts) and depends on no seeded row. `demo-seed` stays here on
 * purpose — it tests the seed; the rest is what is left to move to the fixture.
 */
export const SUITES_ON_DEMO_SEED: readonly string[] = [
  'accounts-authorization',
  'accounts-directory',
  'certificates-signers',
  'certificates',
  'demo-seed',
  'web-outgoing',
];
