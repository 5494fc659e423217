#!/usr/bin/env bash
# Fails when the committed contract differs from the code: openapi.json against the document the
# controllers give now, and apps/web/src/api/schema.d.ts (the contract's types, used by the web
# client and, through test/support/api-types.ts, by the suites) against the types generated from it.
# Fix: `npm run openapi:snapshot && npm run openapi:types`, and say why in docs/api-changelog.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
node -r ./scripts/ts-register.cjs apps/api/src/openapi.ts "$tmp/openapi.json"
if ! diff -u openapi.json "$tmp/openapi.json" > "$tmp/openapi.diff"; then
  echo "openapi.json differs from the code (npm run openapi:snapshot):" >&2
  head -n 200 "$tmp/openapi.diff" >&2
  status=1
fi
npx openapi-typescript openapi.json --output "$tmp/api-types.ts" --silent
if ! diff -u apps/web/src/api/schema.d.ts "$tmp/api-types.ts" > "$tmp/web-types.diff"; then
  echo "apps/web/src/api/schema.d.ts differs from openapi.json (npm run openapi:types):" >&2
  head -n 200 "$tmp/web-types.diff" >&2
  status=1
fi
exit "$status"
