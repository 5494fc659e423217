import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobOutboxRepository, OutboxRow } from './job-outbox.repository';
import { JobOutbox } from './job-outbox.service';
import type { JobQueue } from './job-queue.service';

/** The outbox table as the relay sees it: claim, delete, release. */
class RowsInMemory {
  rows = new Map<string, OutboxRow & { claimed: boolean; lastError?: string }>();
  constructor(count: number) {
    for (let i = 1; i <= count; i++) this.rows.set(String(i), { id: String(i), name: 'fixity-check', payload: {}, options: {}, claimed: false });
  }
  async claim(limit: number): Promise<OutboxRow[]> {
    const free = [...this.rows.values()].filter((r) => !r.claimed).slice(0, limit);
    free.forEach((r) => (r.claimed = true));
    return free.map(({ id, name, payload, options }) => ({ id, name, payload, options }));
  }
  async delete(id: string): Promise<void> {
    this.rows.delete(id);
  }
  deleteStatements = 0;
  async deleteMany(ids: string[]): Promise<void> {
    this.deleteStatements += 1;
    await new Promise((resolve) => setImmediate(resolve));
    ids.forEach((id) => this.rows.delete(id));
  }
  async release(id: string, error: string): Promise<void> {
    const row = this.rows.get(id)!;
    row.claimed = false;
    row.lastError = error;
  }
}

function outboxWith(rows: RowsInMemory, enqueue: (name: string, payload: unknown, options: { jobId?: string }) => Promise<string>) {
  // The relay never opens a transaction: no database is needed here.
  return new JobOutbox(undefined as unknown as DataSource, rows as unknown as JobOutboxRepository, { enqueue } as unknown as JobQueue);
}

describe('JobOutbox relay', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('queues every row under its outbox id (or the caller’s own job id) and deletes it', async () => {
    const rows = new RowsInMemory(3);
    rows.rows.get('2')!.options = { jobId: 'run-42' };
    const queued: string[] = [];
    const outbox = outboxWith(rows, async (_name, _payload, options) => {
      queued.push(options.jobId!);
      return options.jobId!;
    });
    expect(await outbox.relay()).toBe(3);
    expect(queued).toEqual(['outbox-1', 'run-42', 'outbox-3']);
    expect(rows.rows.size).toBe(0);
  });

  it('keeps a row Redis refused, with the reason, and hands the rest of the batch back', async () => {
    const rows = new RowsInMemory(3);
    const outbox = outboxWith(rows, async (_name, _payload, options) => {
      if (options.jobId === 'outbox-2') throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      return options.jobId!;
    });
    expect(await outbox.relay()).toBe(1);
    expect([...rows.rows.keys()]).toEqual(['2', '3']);
    expect(rows.rows.get('2')).toMatchObject({ claimed: false, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(rows.rows.get('3')).toMatchObject({ claimed: false });
  });

  it('gives up on a row when Redis does not answer, instead of waiting for it', async () => {
    jest.useFakeTimers();
    try {
      const rows = new RowsInMemory(1);
      const outbox = outboxWith(rows, () => new Promise<string>(() => undefined));
      const relayed = outbox.relay();
      await jest.advanceTimersByTimeAsync(5000);
      expect(await relayed).toBe(0);
      expect(rows.rows.get('1')).toMatchObject({ claimed: false, lastError: expect.stringContaining('no answer from Redis') });
    } finally {
      jest.useRealTimers();
    }
  });

  it('runs one relay at a time and once more for calls made meanwhile', async () => {
    const rows = new RowsInMemory(1);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const outbox = outboxWith(rows, async (_name, _payload, options) => {
      calls += 1;
      await gate;
      return options.jobId!;
    });
    const first = outbox.relay();
    const second = outbox.relay();
    expect(second).toBe(first);
    rows.rows.set('9', { id: '9', name: 'fixity-check', payload: {}, options: {}, claimed: false });
    release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
    expect(rows.rows.size).toBe(0);
  });

  it('queues rows a committed statement wrote without claiming them, and deletes those of requests meanwhile together', async () => {
    const rows = new RowsInMemory(4);
    const queued: string[] = [];
    const outbox = outboxWith(rows, async (_name, _payload, options) => {
      queued.push(options.jobId!);
      return options.jobId!;
    });
    const written = (id: string) => ({ id, name: 'incoming-scan-ingest', payload: { documentId: id }, options: {} });
    outbox.relayCommitted([written('1')]);
    outbox.relayCommitted([written('2')]);
    outbox.relayCommitted([written('3')]);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(queued).toEqual(['outbox-1', 'outbox-2', 'outbox-3']);
    expect([...rows.rows.keys()]).toEqual(['4']);
    expect(rows.deleteStatements).toBeLessThan(3);
  });

  it('leaves a row Redis refused for the periodic relay', async () => {
    const rows = new RowsInMemory(1);
    const outbox = outboxWith(rows, async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    outbox.relayCommitted([{ id: '1', name: 'incoming-scan-ingest', payload: {}, options: {} }]);
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(rows.rows.get('1')).toMatchObject({ claimed: false });
    expect(rows.deleteStatements).toBe(0);
  });
});
