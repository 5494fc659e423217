import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { BackupRun, BackupTrigger } from './backup-run.entity';
import { RestoreDrill } from './restore-drill.entity';

const UNIQUE_VIOLATION = '23505';
const ONE_ACTIVE = 'backup_run_one_active';

@Injectable()
export class BackupRunRepository {
  constructor(
    @InjectRepository(BackupRun) private readonly runs: Repository<BackupRun>,
    @InjectRepository(RestoreDrill) private readonly drills: Repository<RestoreDrill>,
  ) {}

  /** Opens a queued run; null when one is already queued or running (the unique index decides, race-free). */
  async openQueued(manager: EntityManager, trigger: BackupTrigger, requestedBy: string | null): Promise<BackupRun | null> {
    const repo = manager.getRepository(BackupRun);
    try {
      await manager.query('SAVEPOINT backup_open');
      const run = await repo.save(repo.create({ status: 'queued', trigger, requestedBy, verified: false, destinations: [] }));
      await manager.query('RELEASE SAVEPOINT backup_open');
      return run;
    } catch (error) {
      const pg = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
      const code = pg.driverError?.code ?? pg.code;
      const constraint = pg.driverError?.constraint ?? pg.constraint;
      if (code === UNIQUE_VIOLATION && constraint === ONE_ACTIVE) {
        await manager.query('ROLLBACK TO SAVEPOINT backup_open');
        return null;
      }
      throw error;
    }
  }

  findById(id: string): Promise<BackupRun | null> {
    return this.runs.findOneBy({ id });
  }

  findActive(): Promise<BackupRun | null> {
    return this.runs.findOne({ where: { status: In(['queued', 'running']) } });
  }

  list(limit: number, offset: number): Promise<[BackupRun[], number]> {
    return this.runs.findAndCount({ order: { createdAt: 'DESC' }, take: limit, skip: offset });
  }

  /** The newest backup that verified and is still held by the repositories. */
  latestGood(): Promise<BackupRun | null> {
    return this.runs.findOne({ where: { status: 'succeeded', verified: true, prunedAt: IsNull() }, order: { finishedAt: 'DESC' } });
  }

  /**
   * WAL mode: the newest good run that took a base backup, when it started less than `maxAgeHours`
   * ago; null: this run takes a new base.
   */
  latestWalBase(maxAgeHours: number): Promise<BackupRun | null> {
    return this.runs
      .createQueryBuilder('run')
      .where(`run.status = 'succeeded' AND run.verified AND run.pruned_at IS NULL`)
      .andWhere(`run.manifest -> 'wal' ->> 'baseRunId' = run.id::text`)
      .andWhere(`run.started_at > now() - make_interval(secs => :seconds)`, { seconds: maxAgeHours * 3600 })
      .orderBy('run.started_at', 'DESC')
      .getOne();
  }

  /** Moves a queued run to running; false when another worker took it or it is no longer queued. */
  async start(id: string): Promise<boolean> {
    const result = await this.runs.update({ id, status: 'queued' }, { status: 'running', startedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async update(id: string, changes: Partial<BackupRun>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(BackupRun) : this.runs).update({ id }, changes);
  }

  findRunning(manager: EntityManager): Promise<BackupRun[]> {
    return manager.getRepository(BackupRun).find({ where: { status: 'running' } });
  }

  /** Marks the runs whose snapshots retention removed (same policy in every destination). */
  async markPruned(runIds: string[], manager: EntityManager): Promise<void> {
    const ids = runIds.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    if (ids.length === 0) return;
    await manager.getRepository(BackupRun).update({ id: In(ids), prunedAt: IsNull() }, { prunedAt: new Date() });
  }

  openDrill(manager: EntityManager, trigger: BackupTrigger, requestedBy: string | null): Promise<RestoreDrill> {
    const repo = manager.getRepository(RestoreDrill);
    return repo.save(repo.create({ status: 'queued', trigger, requestedBy, backupRunId: null, differences: [] }));
  }

  findDrill(id: string): Promise<RestoreDrill | null> {
    return this.drills.findOneBy({ id });
  }

  async updateDrill(id: string, changes: Partial<RestoreDrill>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(RestoreDrill) : this.drills).update({ id }, changes);
  }

  listDrills(limit: number, offset: number): Promise<[RestoreDrill[], number]> {
    return this.drills.findAndCount({ order: { createdAt: 'DESC' }, take: limit, skip: offset });
  }

  latestDrill(): Promise<RestoreDrill | null> {
    return this.drills.findOne({ where: { status: In(['passed', 'failed']) }, order: { createdAt: 'DESC' } });
  }

  latestSucceeded(): Promise<BackupRun | null> {
    return this.runs.findOne({ where: { status: 'succeeded' }, order: { finishedAt: 'DESC' } });
  }
}
