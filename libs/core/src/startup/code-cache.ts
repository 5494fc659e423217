// A V8 code cache for the CommonJS modules the API and the worker load (issue 13.10: the API ready in
// <= 2 s; the end-to-end suites start both some seventy times each).
// Node 20 has no module compile cache (module.enableCompileCache is Node 22), so every start parses
// and compiles some 2,000 files again. This keeps what V8 compiled during a start in one file and
// gives it back to V8 on the next start, which then skips most of that work.
//
// It must not change what a module does: a file's cache is used only when the file's content hash
// matches, V8 refuses data of another V8 version or other flags (the file is then compiled as usual
// and the cache rewritten), and ES modules are loaded the way Node loads them. Only node: built-ins
// here: this file runs before any package is loaded.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

interface Entry {
  hash: string;
  offset: number;
  length: number;
}

interface Compiled {
  filename: string;
  hash: string;
  script: Script;
}

interface LoadingModule {
  exports: unknown;
  require(id: string): unknown;
}

type Compile = (this: LoadingModule, content: string, filename: string, format?: string) => unknown;
const loader = Module as unknown as { prototype: { _compile: Compile }; wrap(content: string): string };

/**
 * Compiles this process's CommonJS modules from now on with the cache in `dir` (created when
 * missing); `save()` writes what was compiled without it. Call `save` once the process is serving:
 * V8's data then holds the functions the start ran, not only each file's top level.
 */
export function installCodeCache(dir: string): { save: () => void } {
  const file = join(dir, `v8-${process.version}-${process.arch}.cache`);
  const { known, data } = readCache(file);
  const compiled: Compiled[] = [];
  const original = loader.prototype._compile;

  loader.prototype._compile = function compileWithCache(content, filename, format) {
    if (format === 'module' || !/\.c?js$/.test(filename)) return original.call(this, content, filename, format);
    const hash = createHash('sha1').update(content).digest('base64');
    const entry = known.get(filename);
    const cachedData = entry?.hash === hash ? data.subarray(entry.offset, entry.offset + entry.length) : undefined;
    let script: Script;
    try {
      script = new Script(loader.wrap(content), { filename, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch (error) {
      // An ES module in a package that does not say so: Node finds out by this very error.
      if (error instanceof SyntaxError) return original.call(this, content, filename, format);
      throw error;
    }
    if (!cachedData || script.cachedDataRejected) compiled.push({ filename, hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireOf(this, filename), this, filename, dirname(filename));
  };

  return {
    save() {
      if (compiled.length === 0) return; // everything came from the cache
      const recompiled = new Set(compiled.map((c) => c.filename));
      const entries: Record<string, Entry> = {};
      const parts: Buffer[] = [];
      let offset = 0;
      const add = (filename: string, hash: string, bytes: Buffer) => {
        entries[filename] = { hash, offset, length: bytes.length };
        parts.push(bytes);
        offset += bytes.length;
      };
      for (const [filename, entry] of known) {
        if (!recompiled.has(filename)) add(filename, entry.hash, data.subarray(entry.offset, entry.offset + entry.length));
      }
      for (const { filename, hash, script } of compiled) add(filename, hash, script.createCachedData());
      compiled.length = 0;
      writeCache(file, entries, parts);
    },
  };
}

/**
 * One file, renamed into place: a 4-byte length, the index (JSON) and the data, so a process
 * starting while another writes reads either the old cache or the new one, never a mix.
 */
function readCache(file: string): { known: Map<string, Entry>; data: Buffer } {
  try {
    const bytes = readFileSync(file);
    const indexLength = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.subarray(4, 4 + indexLength).toString('utf8')) as Record<string, Entry>;
    return { known: new Map(Object.entries(index)), data: bytes.subarray(4 + indexLength) };
  } catch {
    return { known: new Map(), data: Buffer.alloc(0) }; // no cache yet or an unreadable one: compile as usual
  }
}

function writeCache(file: string, entries: Record<string, Entry>, parts: Buffer[]): void {
  const index = Buffer.from(JSON.stringify(entries));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  const temporary = `${file}.${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([length, index, ...parts]));
    renameSync(temporary, file);
  } catch {
    // A read-only installation: the process works the same, it only starts without the cache.
  }
}

/** The `require` Node gives a module: resolution from its file, the same cache; loads through the module itself. */
function requireOf(mod: LoadingModule, filename: string): NodeJS.Require {
  const resolving = createRequire(filename);
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  return Object.assign(require, { resolve: resolving.resolve, main: resolving.main, cache: resolving.cache, extensions: resolving.extensions });
}

/**
 * A process's cache: the directory named by `envDir` (the variable's value), by default `.code-cache`
 * beside the built main.js (a new build starts a new cache); `off` (or node --enable-source-maps)
 * compiles every start as Node does.
 */
export function startCodeCache(builtDir: string, envDir: string | undefined): { save: () => void } {
  const dir = envDir || join(builtDir, '.code-cache');
  // Node maps stack traces through source maps only for the modules it compiles itself.
  const sourceMaps = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true;
  if (dir === 'off' || sourceMaps) return { save: () => undefined };
  return installCodeCache(dir);
}

/** How long after a process serves its cache is written: the start's own functions are compiled by then. */
export const CODE_CACHE_SAVE_DELAY_MS = 5_000;
