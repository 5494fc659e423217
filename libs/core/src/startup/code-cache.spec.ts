import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/**
 * Each start is its own node process (the cache replaces Node's CommonJS compile for the whole
 * process): it installs the cache, loads `module.cjs`, prints what the module answers and saves.
 */
function start(dir: string): { answer: string } {
  const script = `
    const { installCodeCache } = require(${JSON.stringify(join(__dirname, 'code-cache.ts'))});
    const cache = installCodeCache(${JSON.stringify(join(dir, 'cache'))});
    const answer = require(${JSON.stringify(join(dir, 'module.cjs'))}).answer();
    cache.save();
    console.log(JSON.stringify({ answer }));`;
  const out = execFileSync(process.execPath, ['-r', './scripts/ts-register.cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return { answer: JSON.parse(out).answer };
}

describe('V8 code cache of the API start (issue 13.10)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the cache on the first start and gives the same modules on the next', () => {
    writeFileSync(join(dir, 'module.cjs'), `const path = require('node:path'); exports.answer = () => path.basename(__filename) + ':' + typeof module.exports;`);
    expect(start(dir).answer).toBe('module.cjs:object');
    expect(readdirSync(join(dir, 'cache'))).toEqual([expect.stringMatching(/^v8-v\d+\.\d+\.\d+-\w+\.cache$/)]);
    expect(start(dir).answer).toBe('module.cjs:object');
  }, 60_000);

  it('never runs the cached code of a file that changed since', () => {
    writeFileSync(join(dir, 'module.cjs'), `exports.answer = () => 'first';`);
    expect(start(dir).answer).toBe('first');
    writeFileSync(join(dir, 'module.cjs'), `exports.answer = () => 'second';`);
    expect(start(dir).answer).toBe('second');
    expect(start(dir).answer).toBe('second');
  }, 60_000);

  it('loads an ES module in a package without "type" the way Node does', () => {
    writeFileSync(join(dir, 'module.cjs'), `exports.answer = () => require('./esm.js').answer;`);
    writeFileSync(join(dir, 'esm.js'), `export const answer = 'from an ES module';`);
    expect(start(dir).answer).toBe('from an ES module');
    expect(existsSync(join(dir, 'cache'))).toBe(true);
  }, 60_000);
});
