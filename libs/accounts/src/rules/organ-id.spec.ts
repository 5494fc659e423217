import { agencyCodeProblem, normaliseAgencyIdentifier, organIdProblem, parentOrganId } from './organ-id';

describe('agency identifiers', () => {
  it('accepts OrganIds of each level', () => {
    for (const id of ['000.00.00.H30', '000.00.04.G14', '000.12.34.H30', '001.02.03.H56']) expect(organIdProblem(id)).toBeNull();
  });

  it('refuses OrganIds of the wrong shape or with a gap in the levels', () => {
    for (const id of ['000.00.00.H3', '00.000.00.H30', '000.00.00.h30', '000-00-00-H30', '000.00.00.300', '']) {
      expect(organIdProblem(id)).toMatch(/DDD\.CC\.BB\.Xnn/);
    }
    expect(organIdProblem('001.00.04.G14')).toMatch(/higher one is 00/);
    expect(organIdProblem('000.01.00.G14')).toMatch(/higher one is 00/);
    expect(organIdProblem('000.00.00.H00')).toMatch(/level 1/);
  });

  it('finds the parent one level up', () => {
    expect(parentOrganId('001.02.03.H56')).toBe('000.02.03.H56');
    expect(parentOrganId('000.00.04.G14')).toBe('000.00.00.G14');
    expect(parentOrganId('000.00.00.G14')).toBeNull();
  });

  it('checks 2020 agency codes and normalises what people type', () => {
    expect(normaliseAgencyIdentifier(' 000.00.04.g14 ')).toBe('000.00.04.G14');
    expect(agencyCodeProblem('H30.15.12')).toBeNull();
    expect(agencyCodeProblem('H30..15')).toMatch(/groups/);
    expect(agencyCodeProblem('H30_15')).toMatch(/groups/);
    expect(agencyCodeProblem('A'.repeat(36))).toMatch(/too long/);
  });
});
