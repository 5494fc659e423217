import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AccountsModule } from '@eoffice/accounts';
import { CoreModule, runMigrations } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { RecordsModule } from '@eoffice/records';
import { processEnv, serviceUrls, type E2eRun } from '../../support/test-env';

/** The libraries as both apps assemble them, without HTTP and without a worker. */
@Module({ imports: [CoreModule, AccountsModule.forWorker(), DocumentsModule, RecordsModule] })
class ServiceTestModule {}

/**
 * A service-level test's world ("medium" tests): an empty database of its own with the real
 * migrations and nothing seeded, a queue prefix and a file store of its own, and the libraries'
 * Nest providers. Each test makes the organisation it needs with the factories (factories.ts), so
 * no test depends on demo data or on what another test left.
 */
export interface ServiceWorld {
  get<T>(type: Type<T>): T;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startServiceWorld(): Promise<ServiceWorld> {
  const { databaseUrl, redisUrl } = serviceUrls();
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/eoffice_svc_${id}`;
  const root = join(tmpdir(), `eoffice-svc-${id}`);
  const run: E2eRun = {
    databaseUrl: url.toString(),
    redisUrl,
    queuePrefix: `eoffice_svc_${id}`,
    fileStoreDir: join(root, 'files'),
    jwtSecret: randomBytes(48).toString('base64url'),
    signingKey: randomBytes(32).toString('base64'),
    mfaKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(run.fileStoreDir, { recursive: true });
  await adminQuery(databaseUrl, `CREATE DATABASE "eoffice_svc_${id}"`);
  // As the end-to-end copies (database-copy.ts): no suite kills PostgreSQL, so no flush per commit.
  await adminQuery(databaseUrl, `ALTER DATABASE "eoffice_svc_${id}" SET synchronous_commit = off`);
  const saved = { ...process.env };
  Object.assign(process.env, processEnv(run, { LOG_LEVEL: 'error' }));
  await runMigrations({ DATABASE_URL: run.databaseUrl });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ServiceTestModule, { logger: ['error'] });
  return {
    get: (type) => app.get(type),
    dataSource: app.get(DataSource),
    async close() {
      await app.close();
      process.env = saved;
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "eoffice_svc_${id}" WITH (FORCE)`);
      await dropQueueKeys(redisUrl, run.queuePrefix);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Jobs the services queued (through the outbox) under this world's prefix: nobody will run them. */
async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
