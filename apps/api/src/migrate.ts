import 'reflect-metadata';
import { ConfigError, loadConfig, runMigrations } from '@eoffice/core';

/** `npm run migrate`: applies pending TypeORM migrations and names each one. */
async function main(): Promise<void> {
  const applied = await runMigrations(loadConfig());
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
