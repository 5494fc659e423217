import type { Register, RegisterBook } from '@eoffice/documents';
import type { RegisterBookDto, RegisterDto } from './dto/register-responses.dto';

/** The book as data: the same title, columns and rows the XLSX and PDF show. */
export function toRegisterBookDto({ register, agencyName, period, report }: RegisterBook): RegisterBookDto {
  const [view] = report.views;
  return {
    register: { id: register.id, agencyId: register.agencyId, kind: register.kind, code: register.code, name: register.name, confidential: register.confidential },
    agencyName,
    year: period.year,
    from: period.from,
    to: period.to,
    title: [...report.title],
    subtitle: [...report.subtitle],
    columns: view.columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rows: view.rows.map((row) => ({ ...row })),
  };
}

export const toRegisterDto = (r: Register): RegisterDto => ({
  id: r.id,
  agencyId: r.agencyId,
  kind: r.kind,
  code: r.code,
  name: r.name,
  confidential: r.confidential,
  active: r.active,
});
