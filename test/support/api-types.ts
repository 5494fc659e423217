// The HTTP contract's types, generated once from openapi.json (`npm run openapi:types`) into the web
// client's folder, which may not import test/ — the suites use the very same file.
export type { $defs, components, operations, paths, webhooks } from '../../apps/web/src/api/schema';
