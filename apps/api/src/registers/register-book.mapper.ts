import type { RegisterBook } from '@eoffice/documents';

/** The book as data: the same title, columns and rows the XLSX and PDF show. */
export function toRegisterBookDto({ register, agencyName, period, report }: RegisterBook) {
  const [view] = report.views;
  return {
    register: { id: register.id, agencyId: register.agencyId, kind: register.kind, code: register.code, name: register.name, confidential: register.confidential },
    agencyName,
    year: period.year,
    from: period.from,
    to: period.to,
    title: report.title,
    subtitle: report.subtitle,
    columns: view.columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rows: view.rows,
  };
}
