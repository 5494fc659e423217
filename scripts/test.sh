#!/usr/bin/env bash
# The whole test suite: lint, type-check, build, unit tests, then end-to-end tests against
# real PostgreSQL and Redis (each run in a fresh database, see test/support/global-setup.ts).
source "$(dirname "$0")/common.sh"
require_node
install_dependencies
ensure_debian_tools
start_services
load_local_secrets

# First what the tests need: the API and worker builds (at once: nest's tsc build uses one core and
# the machine has two), the web client, and the OpenAPI contract check (openapi.json and the
# generated types against the code).
log "build: API and worker (at once), web client; OpenAPI contract"
mkdir -p .data
npx nest build api >.data/test-build-api.log 2>&1 &
api=$!
{ npx nest build worker && npm run -s build:web; } >.data/test-build-worker.log 2>&1 &
worker=$!
failed=0
wait "$api" || failed=1
wait "$worker" || failed=1
if [ "$failed" -ne 0 ]; then cat .data/test-build-api.log .data/test-build-worker.log >&2; log "a build failed (its output is above)"; exit 1; fi
npm run -s openapi:check

# The static checks (ESLint, the layout rules, tsc over everything) need no build and no database:
# they run beside the tests at a lower priority, on the CPU the end-to-end suites leave while they
# wait for their API, worker, PostgreSQL or Chromium (the cores were ~58 % busy during that tier).
# Their output is printed, and a failure fails the run, once the tests are done.
static_checks() {
  log "lint"; npx eslint . --max-warnings 0 &&
    log "layout rules (dependency-cruiser, .dependency-cruiser.cjs)" && npm run -s lint:layout &&
    log "type-check (API, worker, libraries, tests; then the web client, apps/web/tsconfig.json)" && npm run -s typecheck
}
{ renice -n 10 -p "$BASHPID" >/dev/null 2>&1 || true; static_checks; } >.data/test-static.log 2>&1 &
static=$!

# All three tiers in one jest run with three workers: every e2e suite has its own database copy,
# queue prefix, file store and MFA state (test/support/jest-setup.ts), and a suite keeps a core
# busy only part of the time. Three took 691 s of e2e wall against two's 785 s on a clean clone
# (docs/testing.md, "How many at a time?"); the unit and service specs, small files, run last
# (jest orders files by size when it has no timings) in the workers the longest suites leave free.
log "unit, service and end-to-end tests (real PostgreSQL, Redis, files and PDFs; three files at a time)"
status=0
npx jest --ci --selectProjects unit service e2e --maxWorkers=3 || status=1
wait "$static" || { status=1; static_failed=1; }
log "static checks (ran beside the tests):"; cat .data/test-static.log >&2
[ -n "${static_failed:-}" ] && log "a static check failed (its output is above)"
exit "$status"
