import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { QueueName } from '@eoffice/core';

export class WorkerLivenessDto {
  @ApiProperty({ description: 'a worker beat within three heartbeat intervals' }) alive!: boolean;
  @ApiProperty({ type: String, nullable: true }) lastBeatAt!: string | null;
  @ApiProperty({ type: [String], description: 'workers beating now (host:pid)' }) workers!: string[];
}

export class ScheduleDto {
  @ApiProperty() queue!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) cron!: string | null;
  @ApiProperty({ type: String, nullable: true }) timeZone!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastRunAt!: string | null;
  @ApiProperty({ enum: ['completed', 'failed'], nullable: true }) lastResult!: 'completed' | 'failed' | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) nextRunAt!: string | null;
}

export class SchedulesDto {
  @ApiProperty({ type: WorkerLivenessDto }) worker!: WorkerLivenessDto;
  @ApiProperty({ type: [ScheduleDto] }) items!: ScheduleDto[];
}

export class FailedJobDto {
  @ApiProperty() queue!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) failedAt!: string | null;
}

export class FailedJobsDto {
  @ApiProperty({ type: [FailedJobDto] }) items!: FailedJobDto[];
}

export class DashboardSessionDto {
  @ApiProperty({ description: 'when the dashboard cookie stops working' }) expiresAt!: string;
  @ApiProperty({ example: '/api/v1/admin/queues' }) dashboard!: string;
}

export class JobRefParams {
  @IsIn(Object.values(QueueName)) queue!: string;
  @Matches(/^[A-Za-z0-9:_-]{1,128}$/, { message: 'jobId: letters, digits, ":", "_" and "-" only' }) jobId!: string;
}
