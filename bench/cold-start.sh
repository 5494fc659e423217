#!/usr/bin/env bash
# Cold start of the built API and worker: time from process start to /ready = 200, and the
# resident memory of each process once ready. Uses a throwaway database and queue prefix.
#   npm run build && npm run bench:cold-start
# On a busy machine compare the CPU time, not the wall time. BENCH_API_NODE_ARGS adds node options
# to the API (e.g. "-r @bull-board/express" loads what a start used to load, for a same-run before).
source "$(dirname "$0")/../scripts/common.sh"
start_services
load_local_secrets
id=bench_$(date +%s)
base=${DATABASE_URL%/*}
export DATABASE_URL="$base/eoffice_$id" QUEUE_PREFIX="eoffice_$id" FILE_STORE_DIR="$(mktemp -d)/files"
export PORT=${BENCH_PORT:-3999} LOG_LEVEL=warn FIXITY_CHECK_CRON= BOOTSTRAP_ADMIN_PASSWORD='Bench@2026!x'
node scripts/probe.js createdb "$DATABASE_URL"
npm run -s migrate >/dev/null
modules_file=$(mktemp)
trap 'kill $api $worker 2>/dev/null; wait 2>/dev/null; rm -f "$modules_file"; node scripts/probe.js dropdb "$DATABASE_URL"' EXIT

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
# CPU time (user + system) the process used: unlike the wall time, it barely moves when other
# processes load the machine, so it compares builds on a busy machine.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f ms", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }

start=$(date +%s%N)
# shellcheck disable=SC2086 # the node options are words on purpose
BENCH_MODULES_FILE=$modules_file node -r ./bench/support/module-count.cjs ${BENCH_API_NODE_ARGS:-} dist/apps/api/apps/api/src/main.js & api=$!
node dist/apps/worker/apps/worker/src/main.js & worker=$!
until curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; do sleep 0.02; done
ready=$(date +%s%N)
api_cpu=$(cpu $api)
sleep 2 # let the worker finish its own start-up before reading its memory
printf 'time to /ready (first start, empty database, bootstrap admin created): %d ms\n' $(( (ready - start) / 1000000 ))
printf 'API    CPU time until ready: %s\n' "$api_cpu"
printf 'API    modules loaded when listening: %s\n' "$(cat "$modules_file")"
printf 'API    RSS after ready: %s\n' "$(rss $api)"
printf 'worker RSS after start: %s\n' "$(rss $worker)"
