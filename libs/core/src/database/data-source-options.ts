import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one description of the database connection, shared by the API, the worker, the
 * migration runner and the tests. Schema changes only ever come from migrations.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'schema_migration',
    // JIT compiles the access-scope queries at 1M rows for 95–300 ms each and saves less than that
    // (bench/incoming); these are short OLTP queries, so it stays off.
    extra: { max: 10, application_name: 'eoffice', options: '-c jit=off' },
  };
}
