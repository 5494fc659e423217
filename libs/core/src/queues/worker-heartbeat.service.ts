import { hostname } from 'node:os';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface WorkerLiveness {
  /** A worker beat within the last three heartbeat intervals. */
  alive: boolean;
  /** The newest beat of any worker, even one that has since stopped; null when none ever beat. */
  lastBeatAt: string | null;
  /** Workers beating now (host:pid). */
  workers: string[];
}

/**
 * The worker writes a beat to Redis every WORKER_HEARTBEAT_SECONDS: one key per process that expires
 * after three missed beats, and one "last beat" key that stays, so a stopped worker shows as stale
 * with the time it was last seen. Its own connection, opened on first use.
 */
@Injectable()
export class WorkerHeartbeat implements OnModuleDestroy {
  private client?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get redis(): Redis {
    this.client ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 1500, lazyConnect: false });
    return this.client;
  }

  private key(suffix: string): string {
    return `${this.config.QUEUE_PREFIX}:worker-heartbeat:${suffix}`;
  }

  get windowSeconds(): number {
    return this.config.WORKER_HEARTBEAT_SECONDS * 3;
  }

  async beat(now = new Date()): Promise<void> {
    const at = now.toISOString();
    await this.redis.multi().set(this.key(`live:${hostname()}:${process.pid}`), at, 'EX', this.windowSeconds).set(this.key('last'), at).exec();
  }

  async read(now = new Date()): Promise<WorkerLiveness> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', this.key('live:*'), 'COUNT', 100);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    const lastBeatAt = await this.redis.get(this.key('last'));
    const fresh = lastBeatAt !== null && now.getTime() - Date.parse(lastBeatAt) <= this.windowSeconds * 1000;
    const prefix = this.key('live:');
    return { alive: keys.length > 0 && fresh, lastBeatAt, workers: keys.map((k) => k.slice(prefix.length)).sort() };
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
  }
}
