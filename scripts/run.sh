#!/usr/bin/env bash
# Serve the Zwerm demo: migrate, load demo data, start the worker and the web server.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8000}"
export ZWERM_DEMO=1
PY=.venv/bin/python
mkdir -p var
$PY manage.py migrate --noinput -v 0
$PY manage.py zwerm_keys
$PY manage.py load_demo
$PY manage.py run_huey --quiet &
WORKER=$!
cleanup() { kill "$WORKER" 2>/dev/null || true; wait "$WORKER" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
echo
echo "  Zwerm runs at http://127.0.0.1:${PORT}/"
$PY manage.py demo_logins
echo "  Press Ctrl-C to stop."
echo
$PY manage.py runserver "127.0.0.1:${PORT}" --noreload
