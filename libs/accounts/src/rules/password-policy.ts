import { randomInt } from 'node:crypto';

/** the Bình Định e-mail rules (2014) Điều 7: at least 8 characters with upper, lower, digit and special character. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('ít nhất 8 ký tự (at least 8 characters)');
  if (password.length > 128) problems.push('tối đa 128 ký tự (at most 128 characters)');
  if (!/\p{Lu}/u.test(password)) problems.push('một chữ hoa (an upper-case letter)');
  if (!/\p{Ll}/u.test(password)) problems.push('một chữ thường (a lower-case letter)');
  if (!/\p{Nd}/u.test(password)) problems.push('một chữ số (a digit)');
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) problems.push('một ký tự đặc biệt (a special character)');
  return problems;
}

const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];

/** A one-time password that satisfies the policy; unambiguous characters so it can be read aloud. */
export function generateOneTimePassword(length = 14): string {
  const all = SETS.join('');
  const chars = SETS.map((set) => set[randomInt(set.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
