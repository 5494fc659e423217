import { negotiateReportFormat } from './report-format';
import { attachmentDisposition } from './report-file.response';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('negotiateReportFormat', () => {
  it('lets ?format= win over Accept', () => {
    expect(negotiateReportFormat('pdf', XLSX)).toBe('pdf');
  });

  it('answers JSON without an Accept header or for wildcards', () => {
    expect(negotiateReportFormat(undefined, undefined)).toBe('json');
    expect(negotiateReportFormat(undefined, '*/*')).toBe('json');
    expect(negotiateReportFormat(undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('json');
  });

  it('picks the most preferred type it makes, honouring q-values', () => {
    expect(negotiateReportFormat(undefined, 'application/pdf')).toBe('pdf');
    expect(negotiateReportFormat(undefined, `application/pdf;q=0.5, ${XLSX}`)).toBe('xlsx');
    expect(negotiateReportFormat(undefined, `${XLSX};q=0, application/json`)).toBe('json');
  });

  it('is 406 when Accept names only types it does not make', () => {
    expect(() => negotiateReportFormat(undefined, 'text/csv, image/png')).toThrow(expect.objectContaining({ status: 406, code: 'NOT_ACCEPTABLE' }));
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII name for old clients and the Vietnamese name encoded per RFC 8187', () => {
    expect(attachmentDisposition('Sổ đăng ký văn bản đến - DEN - 2026.pdf')).toBe(
      `attachment; filename="So dang ky van ban den - DEN - 2026.pdf"; filename*=UTF-8''S%E1%BB%95%20%C4%91%C4%83ng%20k%C3%BD%20v%C4%83n%20b%E1%BA%A3n%20%C4%91%E1%BA%BFn%20-%20DEN%20-%202026.pdf`,
    );
    expect(attachmentDisposition('Sổ "A/B" (1).xlsx')).toBe(`attachment; filename="So _A_B_ (1).xlsx"; filename*=UTF-8''S%E1%BB%95%20%22A%2FB%22%20%281%29.xlsx`);
  });
});
