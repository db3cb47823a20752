#!/usr/bin/env bash
# Run the whole suite on a real PostgreSQL server started in a temporary folder on a free port.
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user.
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")
if [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  else
    echo "PostgreSQL's initdb was not found: install Debian's postgresql package." >&2
    exit 1
  fi
fi

PGDIR=$(mktemp -d /tmp/zwerm-pg.XXXXXX)
PGPORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
AS=()
if [ "$(id -u)" = 0 ]; then
  PGUSER_OS=postgres
  id "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --no-create-home "$PGUSER_OS"
  chown "$PGUSER_OS" "$PGDIR"
  AS=(runuser -u "$PGUSER_OS" --)
fi

stop() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop EXIT

"${AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U zwerm --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

export DATABASE_URL="postgres://zwerm@127.0.0.1:$PGPORT/zwerm"
.venv/bin/pytest -n 2 --dist loadgroup "$@"
