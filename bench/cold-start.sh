#!/usr/bin/env bash
# Cold start of the built API and worker: time from process start to /ready = 200, and the
# resident memory of each process once ready. Uses a throwaway database and queue prefix.
#   npm run build && npm run bench:cold-start
source "$(dirname "$0")/../scripts/common.sh"
start_services
load_local_secrets
id=bench_$(date +%s)
base=${DATABASE_URL%/*}
export DATABASE_URL="$base/eoffice_$id" QUEUE_PREFIX="eoffice_$id" FILE_STORE_DIR="$(mktemp -d)/files"
export PORT=${BENCH_PORT:-3999} LOG_LEVEL=warn FIXITY_CHECK_CRON= BOOTSTRAP_ADMIN_PASSWORD='Bench@2026!x'
node scripts/probe.js createdb "$DATABASE_URL"
npm run -s migrate >/dev/null
trap 'kill $api $worker 2>/dev/null; wait 2>/dev/null; node scripts/probe.js dropdb "$DATABASE_URL"' EXIT

start=$(date +%s%N)
node dist/apps/api/apps/api/src/main.js & api=$!
node dist/apps/worker/apps/worker/src/main.js & worker=$!
until curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; do sleep 0.02; done
ready=$(date +%s%N)
sleep 2 # let the worker finish its own start-up before reading its memory
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
printf 'time to /ready (first start, empty database, bootstrap admin created): %d ms\n' $(( (ready - start) / 1000000 ))
printf 'API    RSS after ready: %s\n' "$(rss $api)"
printf 'worker RSS after start: %s\n' "$(rss $worker)"
