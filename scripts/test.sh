#!/usr/bin/env bash
# The whole test suite: lint, type-check, build, unit tests, then end-to-end tests against
# real PostgreSQL and Redis (each run in a fresh database, see test/support/global-setup.ts).
source "$(dirname "$0")/common.sh"
require_node
install_dependencies
ensure_debian_tools
start_services
load_local_secrets

log "lint"; npx eslint . --max-warnings 0
log "layout rules (dependency-cruiser, .dependency-cruiser.cjs)"; npm run -s lint:layout
log "type-check (API, worker, libraries, tests; then the web client, apps/web/tsconfig.json)"; npm run -s typecheck
log "build"; npm run -s build >/dev/null
log "OpenAPI contract (openapi.json and the generated types match the code)"; npm run -s openapi:check
log "unit tests"; npx jest --ci --selectProjects unit
log "service tests (services on a real database, no HTTP)"; npx jest --ci --selectProjects service
# Two jest workers: every suite has its own database copy, queue prefix, file store and MFA state
# (test/support/jest-setup.ts), and much of a suite's time is spent waiting on the processes it
# started, so two at once overlap rather than double the load (docs/testing.md, "Where the time goes").
log "end-to-end tests (real PostgreSQL, Redis, files and PDFs; two suites at a time)"; npx jest --ci --selectProjects e2e --maxWorkers=2
