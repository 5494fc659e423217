// The JS a page needs from the built web client (dist/web): the entry chunk, then each lazily loaded
// module of the page with every chunk it imports statically (Vite's manifest lists both), summed as
// raw bytes and gzip (zlib level 9, what a compressing proxy in front of the API would send at best,
// and what the goal of issue 19 counts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestEntry {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface PageWeight {
  page: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export function readManifest(webDir: string): Record<string, ManifestEntry> {
  return JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
}

/** The files of the entry plus the given lazily loaded modules (manifest keys, e.g. src/pages/LoginPage.tsx). */
export function pageFiles(manifest: Record<string, ManifestEntry>, lazyModules: string[]): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('the manifest names no entry chunk: was dist/web built by `npm run build`?');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);
  for (const lazy of lazyModules) visit(lazy);
  return [...files].filter((file) => file.endsWith('.js') || file.endsWith('.css'));
}

export function weigh(webDir: string, page: string, lazyModules: string[]): PageWeight {
  const manifest = readManifest(webDir);
  let rawBytes = 0;
  let gzipBytes = 0;
  const files = pageFiles(manifest, lazyModules);
  for (const file of files) {
    const body = readFileSync(join(webDir, file));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { page, files: files.length, rawBytes, gzipBytes };
}
