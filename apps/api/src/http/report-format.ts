import { AppError } from '@eoffice/core';
import { REPORT_MEDIA_TYPES, type ReportFormat } from '@eoffice/reports';

const BY_MEDIA_TYPE = new Map(Object.entries(REPORT_MEDIA_TYPES).map(([format, type]) => [type, format as ReportFormat]));

/**
 * Which form of a report to answer: `?format=` when given, otherwise the most preferred media
 * type of `Accept` that we make (q-values honoured, wildcards mean JSON), JSON when there is no
 * Accept. An Accept naming only types we do not make is 406.
 */
export function negotiateReportFormat(format: ReportFormat | undefined, accept: string | undefined): ReportFormat {
  if (format) return format;
  if (!accept?.trim()) return 'json';
  const wanted = accept
    .split(',')
    .map((part, order) => mediaRange(part, order))
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { type } of wanted) {
    const known = BY_MEDIA_TYPE.get(type);
    if (known) return known;
    if (type === '*/*' || type === 'application/*') return 'json';
  }
  throw new AppError(
    406,
    'NOT_ACCEPTABLE',
    `Không có định dạng phù hợp với Accept (this report is available as ${[...BY_MEDIA_TYPE.keys()].join(', ')}, or with ?format=json|xlsx|pdf)`,
  );
}

function mediaRange(part: string, order: number): { type: string; q: number; order: number } {
  const [type, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
  const qParam = params.find((p) => p.startsWith('q='));
  const q = qParam ? Number(qParam.slice(2)) : 1;
  return { type, q: Number.isFinite(q) ? q : 0, order };
}
