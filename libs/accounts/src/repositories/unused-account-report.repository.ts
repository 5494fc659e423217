import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ReportTrigger, UnusedAccountReport } from '../entities/unused-account-report.entity';

@Injectable()
export class UnusedAccountReportRepository {
  constructor(@InjectRepository(UnusedAccountReport) private readonly repo: Repository<UnusedAccountReport>) {}

  create(manager: EntityManager, trigger: ReportTrigger, requestedBy: string | null, months: number) {
    const repo = manager.getRepository(UnusedAccountReport);
    return repo.save(
      repo.create({ status: 'queued', trigger, requestedBy, months, cutoff: null, unitCount: 0, accountCount: 0, units: [], accounts: [] }),
    );
  }

  findById(id: string): Promise<UnusedAccountReport | null> {
    return this.repo.findOneBy({ id });
  }

  /** Newest first, without the (possibly long) lists. */
  findPage(offset: number, limit: number): Promise<[UnusedAccountReport[], number]> {
    return this.repo.findAndCount({
      select: {
        id: true,
        status: true,
        trigger: true,
        requestedBy: true,
        months: true,
        cutoff: true,
        unitCount: true,
        accountCount: true,
        error: true,
        createdAt: true,
        startedAt: true,
        finishedAt: true,
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  async update(id: string, changes: Partial<UnusedAccountReport>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(UnusedAccountReport) : this.repo).update({ id }, changes);
  }
}
