import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsService } from '@eoffice/core';
import { BackupRunRepository } from './backup-run.repository';

/** Prometheus: how old the newest good backup is, and whether the last restore drill passed. */
@Injectable()
export class BackupMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly runs: BackupRunRepository,
  ) {}

  onModuleInit(): void {
    const runs = this.runs;
    new Gauge({
      name: 'backup_last_success_age_seconds',
      help: 'Seconds since the newest verified backup finished (-1: none yet)',
      registers: [this.metrics.registry],
      async collect() {
        const last = await runs.latestGood();
        this.set(last?.finishedAt ? (Date.now() - last.finishedAt.getTime()) / 1000 : -1);
      },
    });
    new Gauge({
      name: 'restore_drill_last_passed',
      help: 'The last restore drill passed (1), failed (0), or none has run (-1)',
      registers: [this.metrics.registry],
      async collect() {
        const drill = await runs.latestDrill();
        this.set(drill ? (drill.status === 'passed' ? 1 : 0) : -1);
      },
    });
    new Gauge({
      name: 'restore_drill_last_age_seconds',
      help: 'Seconds since the last restore drill finished (-1: none yet)',
      registers: [this.metrics.registry],
      async collect() {
        const drill = await runs.latestDrill();
        this.set(drill?.finishedAt ? (Date.now() - drill.finishedAt.getTime()) / 1000 : -1);
      },
    });
  }
}
