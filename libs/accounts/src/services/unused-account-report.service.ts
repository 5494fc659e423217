import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, JobName, JobOutbox, JobPayloads, OnJob, performRecordedRun } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { ReportTrigger, UnusedAccountReport } from '../entities/unused-account-report.entity';
import { UnitRepository } from '../repositories/unit.repository';
import { UnusedAccountReportRepository } from '../repositories/unused-account-report.repository';
import { UserRepository } from '../repositories/user.repository';
import { cutoffBefore, UNUSED_AFTER_MONTHS, unusedAccounts, unusedUnits } from '../rules/unused-accounts';
import { OrganisationScope } from './organisation-scope.service';

/**
 * Units (and personal accounts) nobody used for six months, reported to the administrator
 * (the Bình Định e-mail rules (2014) Điều 5.2). The worker builds the report, on a schedule or when an administrator asks;
 * it only lists, it never deactivates anything.
 */
@Injectable()
export class UnusedAccountReportService {
  private readonly logger = new Logger(UnusedAccountReportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: UnusedAccountReportRepository,
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly scope: OrganisationScope,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
  ) {}

  async request(actor: Actor, months = UNUSED_AFTER_MONTHS): Promise<UnusedAccountReport> {
    this.scope.assertCanAdminister(actor);
    const report = await this.outbox.transaction(async (manager) => {
      const opened = await this.open(manager, 'manual', actor.id, months);
      await this.outbox.add(manager, JobName.unusedAccountReport, { reportId: opened.id });
      return opened;
    });
    return report;
  }

  async get(actor: Actor, id: string): Promise<UnusedAccountReport> {
    this.scope.assertCanAdminister(actor);
    const report = await this.reports.findById(id);
    if (!report) throw AppError.notFound('báo cáo (report)');
    return report;
  }

  async list(actor: Actor, page: number, pageSize: number): Promise<{ items: UnusedAccountReport[]; total: number }> {
    this.scope.assertCanAdminister(actor);
    const [items, total] = await this.reports.findPage((page - 1) * pageSize, pageSize);
    return { items, total };
  }

  /** Safe to run twice: a completed report is left as it is. */
  @OnJob(JobName.unusedAccountReport)
  async run(payload: JobPayloads[typeof JobName.unusedAccountReport]): Promise<void> {
    const report = payload.reportId
      ? await this.reports.findById(payload.reportId)
      : await this.dataSource.transaction((manager) => this.open(manager, 'schedule', null, UNUSED_AFTER_MONTHS));
    if (!report) throw AppError.notFound('báo cáo (report)');
    const cutoff = cutoffBefore(new Date(), report.months);
    const work = async () => {
      const [unitUsage, accountUsage] = await Promise.all([this.units.usage(), this.users.usage()]);
      await this.finish(report.id, unusedUnits(unitUsage, cutoff), unusedAccounts(accountUsage, cutoff));
    };
    await performRecordedRun(report, this.reports, work, { cutoff });
  }

  private async open(manager: EntityManager, trigger: ReportTrigger, requestedBy: string | null, months: number): Promise<UnusedAccountReport> {
    const report = await this.reports.create(manager, trigger, requestedBy, months);
    await this.audit.record(manager, {
      actorId: requestedBy,
      action: 'unused_account_report.requested',
      entityType: 'unused_account_report',
      entityId: report.id,
      data: { trigger, months },
    });
    return report;
  }

  private async finish(id: string, units: UnusedAccountReport['units'], accounts: UnusedAccountReport['accounts']) {
    await this.dataSource.transaction(async (manager) => {
      const changes = { status: 'completed' as const, units, accounts, unitCount: units.length, accountCount: accounts.length, finishedAt: new Date() };
      await this.reports.update(id, changes, manager);
      await this.audit.record(manager, {
        actorId: null,
        action: 'unused_account_report.completed',
        entityType: 'unused_account_report',
        entityId: id,
        data: { unitCount: units.length, accountCount: accounts.length },
      });
    });
    if (units.length) this.logger.warn({ reportId: id, units: units.length }, 'unit accounts unused for months');
  }
}
