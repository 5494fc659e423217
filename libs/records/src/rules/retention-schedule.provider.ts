import { readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { DEFAULT_RETENTION_SCHEDULE, RetentionSchedule, RetentionScheduleFile } from './retention-schedule';

/** Loaded once at start: RECORDS_RETENTION_SCHEDULE's JSON file, else the built-in table; a bad file stops the start. */
export const retentionScheduleProvider: Provider = {
  provide: RetentionSchedule,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const path = config.RECORDS_RETENTION_SCHEDULE;
    if (!path) return new RetentionSchedule(DEFAULT_RETENTION_SCHEDULE);
    let file: RetentionScheduleFile;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as RetentionScheduleFile;
    } catch (error) {
      throw new Error(`RECORDS_RETENTION_SCHEDULE ${path}: ${(error as Error).message}`, { cause: error });
    }
    return new RetentionSchedule(file);
  },
};
