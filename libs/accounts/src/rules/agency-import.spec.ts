import { parseAgencyRows } from './agency-import';
import { type ListedAgency, planAgencyImport } from './agency-import-plan';
import { externalAgencyProblems, normaliseAgencyInput } from './external-agency-input';

describe('agencies CSV', () => {
  it('reads rows, normalising codes and blanks', () => {
    const csv = '\uFEFForgan_id;agency_code;name;endpoint_kind;endpoint_url\n000.00.04.g14;G14.04;Bộ Nội vụ;installation;https://eoffice.moha.gov.vn\n;H30.15;Sở Y tế;;\n';
    const { rows, problems } = parseAgencyRows(csv);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ line: 2, organId: '000.00.04.G14', agencyCode: 'G14.04', name: 'Bộ Nội vụ', endpointKind: 'installation' }),
      expect.objectContaining({ line: 3, organId: null, agencyCode: 'H30.15', name: 'Sở Y tế', endpointKind: null, address: null }),
    ]);
  });

  it('names each bad row and column, and the same agency twice', () => {
    const csv = [
      'organ_id,name,email,endpoint_kind,endpoint_url',
      '000.00.04.G14,Bộ Nội vụ,,,',
      '001.00.04.G14,Sai mã,,,',
      ',Không mã,,,',
      '000.00.05.G14,Thư sai,a@,,',
      '000.00.04.G14,Bộ Nội vụ lần hai,,,',
      '000.00.06.G14,Hệ thống HTTP,,installation,http://example.org/api',
    ].join('\n');
    const fields = parseAgencyRows(csv).problems.map((p) => p.field);
    expect(fields).toEqual(['agencies:3:organ_id', 'agencies:4:organ_id', 'agencies:5:email', 'agencies:6:organ_id', 'agencies:7:endpoint_kind']);
  });

  it('refuses a header it does not know', () => {
    expect(parseAgencyRows('ten,organ_id\nA,000.00.00.H30').problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/missing column/) })]),
    );
  });

  it('needs an OrganId to exchange packages, but not to send e-mail', () => {
    const byEmail = normaliseAgencyInput({ agencyCode: 'H30.15', name: 'Sở Y tế', endpointKind: 'email', endpointUrl: 'vanthu@syt.gov.vn' });
    expect(externalAgencyProblems(byEmail)).toEqual([]);
    const byAxis = normaliseAgencyInput({ agencyCode: 'H30.15', name: 'Sở Y tế', endpointKind: 'axis' });
    expect(externalAgencyProblems(byAxis)).toEqual([expect.objectContaining({ field: 'endpointKind' })]);
  });
});

describe('planning an agencies import', () => {
  const { rows } = parseAgencyRows('organ_id,agency_code,name\n000.00.04.G14,G14.04,Bộ Nội vụ\n000.00.05.G14,,Bộ Y tế\n,H30.15,Sở Y tế\n');
  const listed = (over: Partial<ListedAgency>): ListedAgency => ({ ...normaliseAgencyInput({ name: 'x' }), id: 'a', active: true, ...over });

  it('creates what is new, updates what changed, counts what did not', () => {
    const existing = [
      listed({ id: 'moha', organId: '000.00.04.G14', agencyCode: 'G14.04', name: 'Bộ Nội vụ' }),
      listed({ id: 'moh', organId: '000.00.05.G14', name: 'Bộ Y tế (cũ)' }),
    ];
    const plan = planAgencyImport(existing, rows);
    expect(plan.unchanged).toBe(1);
    expect(plan.update.map((u) => [u.id, u.row.name])).toEqual([['moh', 'Bộ Y tế']]);
    expect(plan.create.map((r) => r.agencyCode)).toEqual(['H30.15']);
    expect(plan.problems).toEqual([]);
  });

  it('refuses a row whose two codes belong to two agencies', () => {
    const existing = [listed({ id: 'moha', organId: '000.00.04.G14', name: 'Bộ Nội vụ' }), listed({ id: 'other', agencyCode: 'G14.04', name: 'Khác' })];
    expect(planAgencyImport(existing, rows).problems).toEqual([expect.objectContaining({ field: 'agencies:2:agency_code' })]);
  });
});
