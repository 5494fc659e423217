import { hash } from 'argon2';
import type * as Accounts from '@eoffice/accounts';

/** Everyone the organisation fixture makes has this password and has already replaced their one-time one. */
export const ORGANISATION_PASSWORD = 'Kiem@thu-2026';

/**
 * The fixture's hash is argon2id at the lowest cost (1 MiB, one pass, one lane), not the product's
 * 64 MiB × 3 passes × 4 lanes: the API verifies a stored hash with the parameters the hash carries
 * (as it does for hashes made before a parameter change), so each sign-in of a fixture person costs
 * ~1 ms of CPU instead of ~220 ms — and the suites sign in several hundred times a run. Passwords
 * set through the API (first sign-in, reset, change) are still hashed with PASSWORD_HASH_OPTIONS.
 */
export const FIXTURE_HASH_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/**
 * Global setup makes the hash once per run and passes it to the suites in the run's state
 * (E2eRun.organisationPasswordHash); the same hash serves every person of every suite's organisation.
 */
export function organisationPasswordHash(accounts: Pick<typeof Accounts, 'PASSWORD_HASH_OPTIONS'>): Promise<string> {
  return hash(ORGANISATION_PASSWORD, { ...accounts.PASSWORD_HASH_OPTIONS, ...FIXTURE_HASH_COST });
}
