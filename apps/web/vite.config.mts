// The web client (docs/web.md): built into dist/web, which the API serves at `/`. No React plugin:
// Vite's own Oxc transform turns JSX into calls of the automatic runtime (no fast refresh).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.EOFFICE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Which chunks each page needs (bench/web reads it to weigh the first page); not served.
    manifest: true,
    rolldownOptions: {
      // Ant Design marks its files "use client" for React Server Components; meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npm run dev:web`: the API under /api through the dev server, so cookies stay same-origin.
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': { target: api, changeOrigin: false } } },
});
