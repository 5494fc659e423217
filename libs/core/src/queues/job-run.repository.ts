import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { JobRun, JobRunError } from './job-run.entity';

@Injectable()
export class JobRunRepository {
  constructor(@InjectRepository(JobRun) private readonly repo: Repository<JobRun>) {}

  create(manager: EntityManager, run: Pick<JobRun, 'name' | 'requestedBy' | 'input'>): Promise<JobRun> {
    const repo = manager.getRepository(JobRun);
    return repo.save(repo.create({ ...run, state: 'queued', progress: 0, attempts: 0, result: null, error: null }));
  }

  findById(id: string, manager?: EntityManager): Promise<JobRun | null> {
    return (manager ? manager.getRepository(JobRun) : this.repo).findOneBy({ id });
  }

  async update(id: string, changes: Partial<Omit<JobRun, 'id' | 'input' | 'createdAt'>>, manager?: EntityManager): Promise<void> {
    // TypeORM's deep-partial type cannot follow `unknown` inside the jsonb columns.
    await (manager ? manager.getRepository(JobRun) : this.repo).update({ id }, changes as QueryDeepPartialEntity<JobRun>);
  }

  /** Marks the run started unless it already finished; null when there is nothing (more) to do. */
  async start(id: string): Promise<JobRun | null> {
    const { raw } = await this.repo
      .createQueryBuilder()
      .update(JobRun)
      .set({ state: 'running', attempts: () => 'attempts + 1', startedAt: () => 'coalesce(started_at, now())' })
      .where(`id = :id AND state IN ('queued', 'running')`, { id })
      .returning('id')
      .execute();
    return (raw as unknown[]).length ? this.findById(id) : null;
  }

  /** Fails the run unless it already finished; false when it had (its handler recorded the end). */
  async failIfUnfinished(id: string, error: JobRunError, manager: EntityManager): Promise<boolean> {
    const { raw } = await manager
      .createQueryBuilder()
      .update(JobRun)
      .set({ state: 'failed', error: error as unknown as QueryDeepPartialEntity<JobRun>['error'], finishedAt: () => 'now()' })
      .where(`id = :id AND state IN ('queued', 'running')`, { id })
      .returning('id')
      .execute();
    return (raw as unknown[]).length > 0;
  }

  /** A failed run goes back to queued (its queue job is being retried). */
  async requeue(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(JobRun).update({ id, state: 'failed' }, { state: 'queued', progress: 0, error: null, finishedAt: null });
  }
}
