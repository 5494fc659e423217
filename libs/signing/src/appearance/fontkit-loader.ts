import type Fontkit from '@pdf-lib/fontkit';

/** fontkit takes ~0.35 s to load: loaded at the first signature or PDF report, not when a process starts. */
let fontkit: typeof Fontkit | undefined;
export function loadFontkit(): typeof Fontkit {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load on purpose
  return (fontkit ??= require('@pdf-lib/fontkit') as typeof Fontkit);
}
