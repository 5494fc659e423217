// Imported first by main.ts, before any package: the modules loaded after it are compiled with
// the V8 code cache (libs/core/src/startup/code-cache.ts). __dirname is the built startup/ directory.
import { join } from 'node:path';
import { startCodeCache } from '@eoffice/core/startup/code-cache';

export const codeCache = startCodeCache(join(__dirname, '..'), process.env.API_CODE_CACHE_DIR);
