// Area "deadlines": due dates counted in working days.
export { DeadlinesModule } from './deadlines.module';
export { DueDateService } from './due-date.service';
