import { applyDecorators, Header } from '@nestjs/common';
import { ApiHeader, ApiProduces } from '@nestjs/swagger';
import { REPORT_MEDIA_TYPES } from '@eoffice/reports';
import { Answers, type SuccessBody } from './api-answers.decorator';
import { REPORT_FILE_TYPES } from './report.dto';

/**
 * A report route (register book, statistics, tracking book): JSON or a file (XLSX, PDF) chosen by
 * `?format=` or `Accept` (negotiateReportFormat, hence 406 and `Vary: Accept`), never cached (it
 * names people and documents), documented with every media type it makes. Access stays on the
 * route (`@Roles`), where a reader looks for it.
 */
export function ReportAnswers(json: SuccessBody): MethodDecorator {
  return applyDecorators(
    Header('Vary', 'Accept'),
    Header('Cache-Control', 'private, no-store'),
    ApiProduces(...Object.values(REPORT_MEDIA_TYPES)),
    ApiHeader({ name: 'Accept', required: false, description: 'used when ?format= is absent' }),
    Answers(200, json, { errors: [404, 406], alsoBinary: REPORT_FILE_TYPES }),
  );
}
