import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { EntityManager, QueryRunner } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** `log` writes an error with the caller's stack; `throw` fails the query (tests); `off` costs nothing. */
export type PoolGuardMode = 'off' | 'log' | 'throw';

interface OpenTransaction {
  runner: QueryRunner | undefined;
  open: boolean;
}

export class PoolQueryInTransactionError extends Error {}

const transactions = new AsyncLocalStorage<OpenTransaction>();
let installed: PoolGuardMode = 'off';

/**
 * Flags a query sent through the pool (a repository without the transaction's manager) while the
 * same async flow holds an open transaction. Such a query needs a second connection while the
 * first one waits for it: with the pool's ten connections, ten such requests at once deadlock.
 * Installed once per process, in tests and development; production leaves it off.
 */
export function installPoolGuard(mode: PoolGuardMode): void {
  if (mode === 'off' || installed !== 'off') return;
  installed = mode;
  const logger = new Logger('PoolGuard');

  const transaction = EntityManager.prototype.transaction as (this: EntityManager, ...args: unknown[]) => Promise<unknown>;
  EntityManager.prototype.transaction = function guardedTransaction(this: EntityManager, ...args: unknown[]) {
    const index = typeof args[0] === 'function' ? 0 : 1;
    const work = args[index] as (manager: EntityManager) => Promise<unknown>;
    args[index] = async (manager: EntityManager) => {
      const state: OpenTransaction = { runner: manager.queryRunner, open: true };
      try {
        return await transactions.run(state, () => work(manager));
      } finally {
        state.open = false;
      }
    };
    return transaction.apply(this, args);
  } as typeof EntityManager.prototype.transaction;

  const query = PostgresQueryRunner.prototype.query as (this: PostgresQueryRunner, ...args: unknown[]) => Promise<unknown>;
  PostgresQueryRunner.prototype.query = function guardedQuery(this: PostgresQueryRunner, ...args: unknown[]) {
    const state = transactions.getStore();
    if (state?.open && state.runner !== this) {
      const error = new PoolQueryInTransactionError(`pool query inside an open transaction: ${String(args[0]).slice(0, 200)}`);
      if (installed === 'throw') return Promise.reject(error);
      logger.error({ stack: error.stack }, error.message);
    }
    return query.apply(this, args);
  } as typeof PostgresQueryRunner.prototype.query;
}
