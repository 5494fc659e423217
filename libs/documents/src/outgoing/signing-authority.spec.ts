import type { SignerStanding, UnitDelegation } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { draftedHeadTitle, resolveSigningAuthority, titleCase } from './signing-authority';

const delegation = (startsOn: string, endsOn: string): UnitDelegation => ({
  id: `d-${startsOn}`, unitId: 'agency', delegateId: 'u', purpose: 'signing', grantedBy: 'head', startsOn, endsOn,
  note: null, revokedAt: null, revokedBy: null, createdAt: new Date(),
});

const standing = (changes: Partial<SignerStanding> = {}): SignerStanding => ({
  agencyId: 'agency',
  today: '2026-12-07',
  signer: { id: 'u', fullName: 'Trần Văn Đức', position: 'Phó Giám đốc' },
  head: { id: 'head', position: 'Giám đốc' },
  isHead: false,
  isDeputy: false,
  headsDepartment: false,
  signingDelegations: [],
  actingAppointments: [],
  collectiveBody: null,
  ...changes,
});

function refusal(run: () => unknown): { status: number; code: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('not refused');
}

describe('signing authority (Decree 30 Phụ lục I II.7.b)', () => {
  it('lets the head sign in their own name, the title alone in capitals', () => {
    const own = resolveSigningAuthority(standing({ isHead: true, signer: { id: 'head', fullName: 'Lê Thị Thu Hương', position: 'Giám đốc' } }));
    expect(own).toMatchObject({ kind: 'own', notation: 'GIÁM ĐỐC', lines: ['GIÁM ĐỐC'], delegationId: null });
  });

  it('makes a deputy sign KT. of the head, with the deputy\'s own title under it', () => {
    expect(resolveSigningAuthority(standing({ isDeputy: true }))).toMatchObject({
      kind: 'KT', notation: 'KT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC', lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    });
  });

  it('gives TL. to a department head who asks for it, and to nobody else', () => {
    const office = standing({ headsDepartment: true, signer: { id: 'u', fullName: 'X', position: 'Chánh Văn phòng' } });
    expect(resolveSigningAuthority(office, 'TL').lines).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
    expect(refusal(() => resolveSigningAuthority(standing({ isDeputy: true }), 'TL'))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
  });

  it('gives TUQ. only inside a signing delegation\'s period', () => {
    const within = standing({ signer: { id: 'u', fullName: 'X', position: 'Trưởng phòng' }, signingDelegations: [delegation('2026-12-01', '2026-12-10')] });
    expect(resolveSigningAuthority(within)).toMatchObject({ kind: 'TUQ', notation: 'TUQ. GIÁM ĐỐC', delegationId: 'd-2026-12-01' });
    const expired = standing({ signingDelegations: [delegation('2026-11-01', '2026-12-06')] });
    expect(refusal(() => resolveSigningAuthority(expired, 'TUQ'))).toEqual({ status: 422, code: 'SIGNING_DELEGATION_OUTSIDE_PERIOD' });
    expect(refusal(() => resolveSigningAuthority(standing({ signingDelegations: [delegation('2026-12-08', '2026-12-09')] })))).toEqual({
      status: 422, code: 'SIGNING_DELEGATION_OUTSIDE_PERIOD',
    });
    expect(refusal(() => resolveSigningAuthority(standing(), 'TUQ'))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
  });

  it('refuses someone who is neither head, deputy nor delegate, and a head signing for themself', () => {
    expect(refusal(() => resolveSigningAuthority(standing()))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
    expect(refusal(() => resolveSigningAuthority(standing({ isHead: true }), 'KT'))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
    expect(refusal(() => resolveSigningAuthority(standing({ isDeputy: true }), 'own'))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
  });

  it('prints titles in capitals, Vietnamese letters included, and names a head without a title generically', () => {
    expect(titleCase('  phó  giám đốc sở ')).toBe('PHÓ GIÁM ĐỐC SỞ');
    expect(resolveSigningAuthority(standing({ isDeputy: true, head: null })).notation).toBe('KT. THỦ TRƯỞNG CƠ QUAN');
  });

  it('takes the head\'s title from the draft\'s box 7a without its prefix, the prefix from where the signer stands', () => {
    expect(draftedHeadTitle('KT. Giám đốc')).toBe('GIÁM ĐỐC');
    expect(draftedHeadTitle('tuq.  CHỦ TỊCH')).toBe('CHỦ TỊCH');
    expect(draftedHeadTitle(null)).toBeNull();
    const deputy = standing({ isDeputy: true, head: { id: 'head', position: 'Giám đốc Sở' } });
    expect(resolveSigningAuthority(deputy, undefined, 'TL. GIÁM ĐỐC').notation).toBe('KT. GIÁM ĐỐC');
    expect(resolveSigningAuthority(deputy, undefined, null).notation).toBe('KT. GIÁM ĐỐC SỞ');
  });

  it('makes an acting head sign Q. of the head\'s title, only inside the appointment\'s period, before KT.', () => {
    const acting = { ...delegation('2026-12-01', '2026-12-31'), id: 'acting-1', purpose: 'acting' as const };
    const deputy = standing({ isDeputy: true, actingAppointments: [acting] });
    expect(resolveSigningAuthority(deputy)).toEqual({
      kind: 'Q', authorityTitle: 'GIÁM ĐỐC', signerTitle: 'Q. GIÁM ĐỐC', notation: 'Q. GIÁM ĐỐC', lines: ['Q. GIÁM ĐỐC'], delegationId: 'acting-1',
    });
    expect(resolveSigningAuthority(deputy, 'KT').notation).toBe('KT. GIÁM ĐỐC');
    const ended = standing({ actingAppointments: [{ ...acting, endsOn: '2026-12-06' }] });
    expect(refusal(() => resolveSigningAuthority(ended))).toEqual({ status: 422, code: 'SIGNING_DELEGATION_OUTSIDE_PERIOD' });
    expect(refusal(() => resolveSigningAuthority(standing({ isDeputy: true }), 'Q'))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
  });

  it('signs TM. of a collective body: the head by default, a deputy KT. under it when asked, an acting head Q.', () => {
    const collective = { collectiveBody: 'ỦY BAN NHÂN DÂN', head: { id: 'head', position: 'Chủ tịch' } };
    const chair = standing({ ...collective, isHead: true, signer: { id: 'head', fullName: 'X', position: 'Chủ tịch' } });
    expect(resolveSigningAuthority(chair)).toMatchObject({ kind: 'TM', notation: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] });
    expect(resolveSigningAuthority(chair, 'own').lines).toEqual(['CHỦ TỊCH']);
    const vice = standing({ ...collective, isDeputy: true, signer: { id: 'u', fullName: 'Y', position: 'Phó Chủ tịch' } });
    expect(resolveSigningAuthority(vice).lines).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(resolveSigningAuthority(vice, 'TM')).toMatchObject({
      kind: 'TM', notation: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH', lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    });
    const acting = standing({ ...collective, actingAppointments: [{ ...delegation('2026-12-01', '2026-12-31'), purpose: 'acting' }] });
    expect(resolveSigningAuthority(acting, 'TM')).toMatchObject({ notation: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'Q. CHỦ TỊCH', lines: ['TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH'] });
    expect(refusal(() => resolveSigningAuthority(standing({ isHead: true }), 'TM'))).toEqual({ status: 403, code: 'SIGNING_AUTHORITY_NOT_HELD' });
    expect(draftedHeadTitle('TM. Ủy ban nhân dân\nKT. Chủ tịch')).toBe('CHỦ TỊCH');
  });
});
