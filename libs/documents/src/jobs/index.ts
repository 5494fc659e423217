// Area "jobs": background job status.
export { JobsModule } from './jobs.module';
export * from './job-status.service';
