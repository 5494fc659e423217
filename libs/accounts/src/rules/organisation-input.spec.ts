import { AppError } from '@eoffice/core';
import { assertNoProblems, mailboxName, personProblems, unitProblems } from './organisation-input';

describe('organisation input', () => {
  it('names the unit mailbox after its code, without diacritics (tendonvi@)', () => {
    expect(mailboxName('SGDĐT')).toBe('sgddt');
    expect(mailboxName('qlcn')).toBe('qlcn');
    expect(mailboxName('P.GD-TrH')).toBe('pgdtrh');
  });

  it('accepts codes of capital letters and digits, lower case is raised', () => {
    expect(unitProblems({ code: 'sgdđt', name: 'Sở Giáo dục và Đào tạo' })).toEqual([]);
    expect(unitProblems({ code: 'THPT-01', name: 'Trường THPT số 1' })).toEqual([]);
  });

  it.each([
    [{ code: 'V P', name: 'Văn phòng' }, 'code'],
    [{ code: '-VP', name: 'Văn phòng' }, 'code'],
    [{ code: 'X'.repeat(21), name: 'Văn phòng' }, 'code'],
    [{ code: 'VP', name: '   ' }, 'name'],
  ])('refuses %j on %s', (input, field) => {
    expect(unitProblems(input).map((p) => p.field)).toContain(field);
  });

  it('checks a person name and position, marking legacy encoding', () => {
    expect(personProblems({ fullName: 'Nguyễn Văn Bằng', position: 'Văn thư' })).toEqual([]);
    expect(personProblems({ fullName: 'Nguyễn Văn Bằng', position: null })).toEqual([]);
    const [legacy] = personProblems({ fullName: 'NguyÔn V¨n B»ng' });
    expect(legacy).toMatchObject({ field: 'fullName', legacyEncoding: true });
    expect(personProblems({ fullName: 'A'.repeat(101) })[0].field).toBe('fullName');
  });

  it('throws one error with every field, LEGACY_ENCODING when any is legacy text', () => {
    const catchIt = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return e as AppError;
      }
      throw new Error('did not throw');
    };
    const plain = catchIt(() => assertNoProblems(unitProblems({ code: ' ', name: '' })));
    expect([plain.status, plain.code, plain.errors?.map((e) => e.field)]).toEqual([400, 'VALIDATION_FAILED', ['code', 'name']]);
    const legacy = catchIt(() => assertNoProblems(personProblems({ fullName: 'Phßng' })));
    expect([legacy.status, legacy.code]).toEqual([400, 'LEGACY_ENCODING']);
    expect(() => assertNoProblems([])).not.toThrow();
  });
});
