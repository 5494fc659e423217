import { generateOneTimePassword, passwordProblems } from './password-policy';

describe('password policy', () => {
  it.each(['Abcdef1!', 'Mật-khẩu9', 'Đ0ngý@nhé'])('accepts %s', (pw) => {
    expect(passwordProblems(pw)).toEqual([]);
  });

  it.each([
    ['Ab1!', 'ít nhất 8 ký tự'],
    ['abcdefg1!', 'chữ hoa'],
    ['ABCDEFG1!', 'chữ thường'],
    ['Abcdefgh!', 'chữ số'],
    ['Abcdefgh1', 'ký tự đặc biệt'],
  ])('refuses %s for %s', (pw, missing) => {
    expect(passwordProblems(pw).join(' ')).toContain(missing);
  });

  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 200; i += 1) expect(passwordProblems(generateOneTimePassword())).toEqual([]);
  });
});
