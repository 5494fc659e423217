import { registerBookFileName, registerBookSubtitle, registerBookTitle } from './register-book-heading';

const register = { name: 'Sổ đăng ký văn bản đến mật', code: 'DEN-MAT', confidential: true };

describe('register book heading', () => {
  it('titles the book with the register’s name in capitals, Vietnamese letters kept', () => {
    expect(registerBookTitle(register)).toEqual(['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN MẬT']);
  });

  it('names the agency, the year or dates, the register, and warns that a mật book depends on the reader', () => {
    expect(registerBookSubtitle('Sở GD&ĐT', { ...register, confidential: false }, { year: 2026, from: null, to: null })).toEqual([
      'Sở GD&ĐT',
      'Năm 2026 · Mã sổ: DEN-MAT',
    ]);
    expect(registerBookSubtitle('Sở GD&ĐT', register, { year: 2026, from: '2026-01-01', to: '2026-03-31' })).toEqual([
      'Sở GD&ĐT',
      'Năm 2026 từ ngày 01/01/2026 đến ngày 31/03/2026 · Mã sổ: DEN-MAT',
      'Sổ mật: chỉ gồm các văn bản người in sổ được phép xem',
    ]);
  });

  it('names the file after the register and the year or dates', () => {
    expect(registerBookFileName(register, { year: 2026, from: null, to: null })).toBe('Sổ đăng ký văn bản đến mật - DEN-MAT - 2026');
    expect(registerBookFileName(register, { year: 2026, from: null, to: '2026-06-30' })).toBe('Sổ đăng ký văn bản đến mật - DEN-MAT - 2026-01-01 đến 2026-06-30');
  });
});
