import { AppError } from '../errors/app-error';
import { toProblem } from '../errors/problem-details.filter';
import { checkInputValue, hasForbiddenCharacters, jsonDepth, MAX_JSON_DEPTH, verifyJsonDepth } from './input-checks';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('input checks', () => {
  it('measures JSON depth on the raw text, ignoring brackets inside strings and escaped quotes', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[\\"[[["}')).toBe(1);
    expect(jsonDepth('[]'.repeat(10))).toBe(1);
    expect(jsonDepth(Buffer.from('['.repeat(3000) + ']'.repeat(3000)), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });

  it('refuses a body nested 3,000 levels deep before it is parsed, as JSON_TOO_DEEP', () => {
    const deep = Buffer.from(`{"a":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    let thrown: unknown;
    try {
      verifyJsonDepth(undefined, undefined, deep);
    } catch (error) {
      thrown = error;
    }
    expect(toProblem(thrown)).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
    expect(() => verifyJsonDepth(undefined, undefined, Buffer.from('{"a":{"b":[1,2,{"c":3}]}}'))).not.toThrow();
  });

  it('finds NUL, other controls, C1 controls, bidi overrides and lone surrogates, and lets text through', () => {
    for (const bad of ['a\u0000b', 'x\u0007', '\u001b[31m', 'del\u007f', 'c1\u0085', 'gpj.\u202Eexe', '\u2066x', '\ud800', 'x\udc00y']) {
      expect(hasForbiddenCharacters(bad)).toBe(true);
    }
    for (const good of ['Công văn số 12/UBND-VP', 'dòng 1\r\ndòng 2\tcột', 'e\u0301'.repeat(1000), '%_*', '😀 emoji', 'العربية']) {
      expect(hasForbiddenCharacters(good)).toBe(false);
    }
  });

  it('names the first problem in a parsed value with its code', () => {
    expect(codeOf(() => checkInputValue({ subject: 'ok', tags: ['a', 'b\u0000'] }, ''))).toBe('INVALID_CHARACTERS');
    expect(codeOf(() => checkInputValue(JSON.parse('{"__proto__":{"isAdmin":true}}'), ''))).toBe('RESERVED_KEY');
    expect(codeOf(() => checkInputValue({ a: { constructor: { prototype: {} } } }, ''))).toBe('RESERVED_KEY');
    let nested: unknown = 'leaf';
    for (let i = 0; i < 100; i += 1) nested = [nested];
    expect(codeOf(() => checkInputValue(nested, ''))).toBe('JSON_TOO_DEEP');
    expect(codeOf(() => checkInputValue({ q: '%_*', page: '1', units: [{ id: 'x' }] }, ''))).toBeUndefined();
  });
});
