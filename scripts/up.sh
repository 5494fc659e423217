#!/usr/bin/env bash
# Brings the whole system up: dependencies, PostgreSQL and Redis, build, migrations, demo seed,
# then the API and the worker in the foreground (Ctrl-C stops both).
source "$(dirname "$0")/common.sh"
require_node
install_dependencies
ensure_debian_tools
start_services
load_local_secrets
export PORT=${PORT:-3000}
# A local installation backs itself up into a restic repository under .data and signs checkpoints of
# its audit chain; the password and the key are made once, kept in .data/up-secrets.env (mode 600).
up_secrets=.data/up-secrets.env
if [ ! -f "$up_secrets" ]; then
  (umask 077
   { echo "BACKUP_REPOSITORY_PASSWORD=$(node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))')"
     echo "AUDIT_CHECKPOINT_KEY=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
   } > "$up_secrets")
fi
set -a; . "$up_secrets"; set +a
export BACKUP_REPOSITORY=${BACKUP_REPOSITORY:-$PWD/.data/backup-repository}
# The demo administrator gets the demo password unless one is given.
export BOOTSTRAP_ADMIN_PASSWORD=${BOOTSTRAP_ADMIN_PASSWORD:-Demo@2026!}
# Signer certificates must chain to the demo CA the seed writes beside the file store (DEMO ONLY).
export SIGNING_TRUST_ANCHORS=${SIGNING_TRUST_ANCHORS:-$(realpath -m "$(dirname "${FILE_STORE_DIR:-.data/files}")")/demo-pki/demo-ca.pem}

log "building"; npm run -s build >/dev/null
log "migrating"; npm run -s migrate
log "seeding the demo organisation"; npm run -s seed >/dev/null

node dist/apps/api/apps/api/src/main.js & api=$!
node dist/apps/worker/apps/worker/src/main.js & worker=$!
trap 'kill -TERM $api $worker 2>/dev/null; wait' INT TERM EXIT

# Up to five minutes: a loaded machine starts slowly, which is not a failure.
for _ in $(seq 600); do
  curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  kill -0 $api 2>/dev/null || { log "the API exited; see the log above"; exit 1; }
  sleep 0.5
done
log "backups: restic repository $BACKUP_REPOSITORY (docs/backups.md)"
log "site:    http://127.0.0.1:$PORT/ (the web client, docs/web.md)"
log "ready:   http://127.0.0.1:$PORT/ready"
log "API:     http://127.0.0.1:$PORT/api/v1"
log "OpenAPI: http://127.0.0.1:$PORT/docs"
log "metrics: http://127.0.0.1:$PORT/metrics"
cat .data/demo-logins.txt >&2 || true
wait -n $api $worker
