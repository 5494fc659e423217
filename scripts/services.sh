#!/usr/bin/env bash
# Finds or starts PostgreSQL and Redis for this checkout.
#   scripts/services.sh start   use DATABASE_URL / REDIS_URL when they answer; otherwise start
#                               private instances under ./.data on ports 54329 / 63799
#   scripts/services.sh stop    stop the private instances (servers we did not start are left alone)
# Writes the URLs to use into .data/services.env. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/.data
PG_PORT=${PRIVATE_PG_PORT:-54329}
REDIS_PORT=${PRIVATE_REDIS_PORT:-63799}
mkdir -p "$DATA"

say() { printf '[services] %s\n' "$*" >&2; }
as_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  if ! as_root; then
    say "missing $1: install it with: sudo apt-get install -y $1   (then run this again)"
    exit 1
  fi
  say "installing Debian package(s) $* ..."
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_private_postgres() {
  local bin; bin=$(pg_bindir)
  if [ -z "$bin" ]; then apt_install postgresql; bin=$(pg_bindir); fi
  local dir=$DATA/postgres run=$DATA/run
  mkdir -p "$run"
  # PostgreSQL refuses to run as root: run it as the postgres system user then.
  local runas=()
  if as_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA" --shell /usr/sbin/nologin postgres
    chown postgres "$DATA" "$run"
    runas=(runuser -u postgres --)
  fi
  if [ ! -s "$dir/PG_VERSION" ]; then
    say "initialising a private PostgreSQL cluster in $dir"
    mkdir -p "$dir"; as_root && chown postgres "$dir"
    "${runas[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  [ -n "${BACKUP_WAL_DIR:-}" ] && configure_archiving "$dir"
  if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    say "starting private PostgreSQL on 127.0.0.1:$PG_PORT"
    "${runas[@]}" "$bin/pg_ctl" -D "$dir" -l "$DATA/postgres.log" -w \
      -o "-p $PG_PORT -k $run -c listen_addresses=127.0.0.1" start >/dev/null
  fi
}

# BACKUP_MODE=wal (docs/backups.md): the private cluster archives every finished WAL segment into
# BACKUP_WAL_DIR (through a temporary name, so a half copy never looks archived) and closes a segment
# at least every BACKUP_ARCHIVE_TIMEOUT seconds (default 60): the database's recovery point.
configure_archiving() {
  local dir=$1 wal; wal=$(realpath -m "$BACKUP_WAL_DIR")
  mkdir -p "$wal"; as_root && chown postgres "$wal"
  grep -q '^# eoffice: WAL archiving' "$dir/postgresql.conf" && return
  say "enabling WAL archiving into $wal (restart PostgreSQL if it runs: npm run down, then again)"
  cat >> "$dir/postgresql.conf" <<CONF
# eoffice: WAL archiving (BACKUP_MODE=wal)
archive_mode = on
archive_command = 'test ! -f $wal/%f && cp %p $wal/%f.tmp && mv $wal/%f.tmp $wal/%f'
archive_timeout = ${BACKUP_ARCHIVE_TIMEOUT:-60}
wal_keep_size = '1GB'
CONF
}

start_private_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  if [ -f "$DATA/redis.pid" ] && kill -0 "$(cat "$DATA/redis.pid")" 2>/dev/null; then return; fi
  say "starting private Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$DATA/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DATA/redis" --daemonize yes \
    --pidfile "$DATA/redis.pid" --logfile "$DATA/redis.log" --appendonly yes --save ''
  for _ in $(seq 50); do node scripts/probe.js redis "redis://127.0.0.1:$REDIS_PORT" && return; sleep 0.1; done
  say "Redis did not start; see $DATA/redis.log"; exit 1
}

start() {
  local db_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/eoffice}
  local redis_url=${REDIS_URL:-redis://127.0.0.1:6379}
  if node scripts/probe.js pg "$db_url"; then
    say "PostgreSQL answers at $(echo "$db_url" | sed -E 's#//[^@]*@#//#')"
  else
    start_private_postgres
    db_url="postgres://postgres@127.0.0.1:$PG_PORT/eoffice"
  fi
  node scripts/probe.js createdb "$db_url"
  if node scripts/probe.js redis "$redis_url"; then
    say "Redis answers at $redis_url"
  else
    start_private_redis
    redis_url="redis://127.0.0.1:$REDIS_PORT"
  fi
  printf 'DATABASE_URL=%s\nREDIS_URL=%s\n' "$db_url" "$redis_url" > "$DATA/services.env"
}

stop() {
  local bin; bin=$(pg_bindir)
  if [ -n "$bin" ] && [ -s "$DATA/postgres/PG_VERSION" ]; then
    local runas=(); as_root && runas=(runuser -u postgres --)
    "${runas[@]}" "$bin/pg_ctl" -D "$DATA/postgres" -m fast stop >/dev/null 2>&1 && say "stopped private PostgreSQL" || true
  fi
  if [ -f "$DATA/redis.pid" ] && kill "$(cat "$DATA/redis.pid")" 2>/dev/null; then
    say "stopped private Redis"; rm -f "$DATA/redis.pid"
  fi
  rm -f "$DATA/services.env"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
