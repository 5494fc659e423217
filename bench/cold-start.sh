#!/usr/bin/env bash
# Cold start of the built API and worker: time and API CPU from process start to /ready = 200, the
# resident memory of each process once ready, then ordinary restarts of the API (the database and
# its bootstrap administrator already there). Uses a throwaway database and queue prefix.
#   npm run build && npm run bench:cold-start
# On a busy machine compare the CPU time, not the wall time.
#   BENCH_API_NODE_ARGS    node options for the API (e.g. "-r @bull-board/express" loads what a start used to load)
#   BENCH_RESTARTS         ordinary restarts measured after the first start (default 5)
#   BENCH_COLD_START_BUILDS  "label=path/to/main.js …": the restarts alternate between these builds
#                          (same database, same run), e.g. "before=/tmp/old/dist/apps/api/apps/api/src/main.js
#                          after=dist/apps/api/apps/api/src/main.js"; medians per build at the end
source "$(dirname "$0")/../scripts/common.sh"
start_services
load_local_secrets
id=bench_$(date +%s)
base=${DATABASE_URL%/*}
export DATABASE_URL="$base/eoffice_$id" QUEUE_PREFIX="eoffice_$id" FILE_STORE_DIR="$(mktemp -d)/files"
export PORT=${BENCH_PORT:-3999} LOG_LEVEL=warn FIXITY_CHECK_CRON= BOOTSTRAP_ADMIN_PASSWORD='Bench@2026!x'
api_main=dist/apps/api/apps/api/src/main.js
node scripts/probe.js createdb "$DATABASE_URL"
npm run -s migrate >/dev/null
modules_file=$(mktemp)
api='' worker=''
trap 'kill $api $worker 2>/dev/null; wait 2>/dev/null; rm -f "$modules_file"; node scripts/probe.js dropdb "$DATABASE_URL"' EXIT

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
# CPU time (user + system) the process used: unlike the wall time, it barely moves when other
# processes load the machine, so it compares builds on a busy machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2] + v[NR/2+1]) / 2)}'; }

# Starts the API of $1 (a main.js), waits for /ready, sets $api, $ready_ms (wall) and $api_cpu_ms.
start_api() {
  local start; start=$(date +%s%N)
  # shellcheck disable=SC2086 # the node options are words on purpose
  BENCH_MODULES_FILE=$modules_file node -r ./bench/support/module-count.cjs ${BENCH_API_NODE_ARGS:-} "$1" & api=$!
  until curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1; do
    kill -0 "$api" 2>/dev/null || { echo "the API ($1) exited before it was ready" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  api_cpu_ms=$(cpu_ms "$api")
}
stop_api() { kill "$api"; wait "$api" 2>/dev/null || true; api=''; }

start_api "$api_main"
node dist/apps/worker/apps/worker/src/main.js & worker=$!
# Let the worker finish its own start-up before reading its memory, and the API write its V8 code
# cache (5 s after listening, libs/core/src/startup/code-cache.ts), which an ordinary restart then reads.
sleep 7
printf 'time to /ready (first start, empty database, bootstrap admin created): %d ms\n' "$ready_ms"
printf 'API    CPU time until ready: %s ms\n' "$api_cpu_ms"
printf 'API    CommonJS modules loaded when listening: %s\n' "$(cat "$modules_file")"
printf 'API    RSS after ready: %s\n' "$(rss "$api")"
printf 'worker RSS after start: %s\n' "$(rss "$worker")"
kill "$worker"; wait "$worker" 2>/dev/null || true; worker=''
stop_api

# Ordinary restarts: the administrator exists, so no password is hashed; what is left is loading
# the code and connecting. With several builds they alternate, so load swings hit each alike.
read -r -a builds <<<"${BENCH_COLD_START_BUILDS:-this=$api_main}"
declare -A cpus walls
for ((round = 1; round <= ${BENCH_RESTARTS:-5}; round++)); do
  for build in "${builds[@]}"; do
    label=${build%%=*}
    start_api "${build#*=}"
    printf 'restart %d %-8s CPU to /ready %5d ms, wall %5d ms, CommonJS modules %s (load %s)\n' \
      "$round" "$label" "$api_cpu_ms" "$ready_ms" "$(cat "$modules_file")" "$(cut -d' ' -f1 /proc/loadavg)"
    cpus[$label]+="$api_cpu_ms "
    walls[$label]+="$ready_ms "
    stop_api
  done
done
for build in "${builds[@]}"; do
  label=${build%%=*}
  printf 'restarts %-8s median CPU to /ready %d ms, median wall %d ms (CPU: %s)\n' "$label" \
    "$(tr ' ' '\n' <<<"${cpus[$label]}" | grep . | median)" "$(tr ' ' '\n' <<<"${walls[$label]}" | grep . | median)" "${cpus[$label]% }"
done
