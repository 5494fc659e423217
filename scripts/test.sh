#!/usr/bin/env bash
# The whole test suite: lint, type-check, build, unit tests, then end-to-end tests against
# real PostgreSQL and Redis (each run in a fresh database, see test/support/global-setup.ts).
source "$(dirname "$0")/common.sh"
require_node
install_dependencies
ensure_debian_tools
start_services
load_local_secrets

# The checks before the tests run in two lanes at once: ESLint, tsc and nest's tsc builds each use
# one core, and the machine has two (docs/testing.md, "Where the time goes"). The lanes write to
# their own logs, printed when both are done, so their lines never interleave. `npm run build` is
# the same three builds one after another.
checks_lane() {
  log "lint"; npx eslint . --max-warnings 0 &&
    log "layout rules (dependency-cruiser, .dependency-cruiser.cjs)" && npm run -s lint:layout &&
    log "build: API" && npx nest build api >/dev/null &&
    log "OpenAPI contract (openapi.json and the generated types match the code)" && npm run -s openapi:check
}
types_lane() {
  log "type-check (API, worker, libraries, tests; then the web client, apps/web/tsconfig.json)"; npm run -s typecheck &&
    log "build: worker, web client" && npx nest build worker >/dev/null && npm run -s build:web >/dev/null
}
mkdir -p .data
checks_lane >.data/test-checks.log 2>&1 &
checks=$!
types_lane >.data/test-types.log 2>&1 &
types=$!
failed=0
wait "$checks" || failed=1
wait "$types" || failed=1
cat .data/test-checks.log .data/test-types.log >&2
if [ "$failed" -ne 0 ]; then log "a check failed (its output is above)"; exit 1; fi

# Both tiers in one jest run on both cores (jest's default on 2 cores is one worker).
log "unit tests and service tests (services on a real database, no HTTP)"; npx jest --ci --selectProjects unit service --maxWorkers=2
# Three jest workers: every suite has its own database copy, queue prefix, file store and MFA state
# (test/support/jest-setup.ts), and a suite keeps a core busy only part of the time (it waits on
# PostgreSQL, the worker, restic, Chromium). Three took 691 s of e2e wall against two's 785 s on a
# clean clone; the waits that were read once under three workers now poll for the state, and the
# suites no longer wait for a server checkpoint per DROP DATABASE (docs/testing.md, "How many at a time?").
log "end-to-end tests (real PostgreSQL, Redis, files and PDFs; three suites at a time)"; npx jest --ci --selectProjects e2e --maxWorkers=3
