#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: DATABASE_URL points at it while the command runs, and the
# cluster is stopped and removed afterwards. Without PostgreSQL's server binaries the run is skipped with a clear
# message, unless PORTAL_REQUIRE_SERVICES=1 (CI), where that is a failure.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if [ "${PORTAL_REQUIRE_SERVICES:-}" = "1" ]; then
    echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql), required in CI" >&2
    exit 1
  fi
  echo "with-postgres: SKIPPED the PostgreSQL run: no PostgreSQL server installed (apt-get install postgresql)"
  exit 0
fi

workdir=$(mktemp -d /tmp/gode-historier-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U portal -A trust -E UTF8 --no-locale >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -o \
  "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"${as_owner[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U portal portal

echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export DATABASE_URL="postgres://portal@127.0.0.1:$port/portal"
"$@"
