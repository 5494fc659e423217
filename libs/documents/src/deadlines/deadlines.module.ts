import { Module } from '@nestjs/common';
import { DueDateService } from './due-date.service';

/** Hạn xử lý on the Vietnamese working calendar: used by incoming, notifications and statistics. */
@Module({ providers: [DueDateService], exports: [DueDateService] })
export class DeadlinesModule {}
