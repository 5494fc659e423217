import { hash } from 'argon2';
import type * as Accounts from '@eoffice/accounts';

/** Everyone the organisation fixture makes has this password and has already replaced their one-time one. */
export const ORGANISATION_PASSWORD = 'Kiem@thu-2026';

/**
 * Its argon2 hash with the product's parameters. Global setup makes it once per run and passes it
 * to the suites in the run's state (E2eRun.organisationPasswordHash): a hash is ~0.3 s of CPU, and
 * the same hash serves every person of every suite's organisation.
 */
export function organisationPasswordHash(accounts: Pick<typeof Accounts, 'PASSWORD_HASH_OPTIONS'>): Promise<string> {
  return hash(ORGANISATION_PASSWORD, accounts.PASSWORD_HASH_OPTIONS);
}
