#!/usr/bin/env bash
# Runs a command against a real server: starts .build/debug/sales-server on port 0 (the kernel
# picks a free port; a port picked here at random once collided) with a fresh SQLite database in
# a temp directory and a known bootstrap admin key, waits until /readyz answers, runs the command
# with SALES_SERVER_URL and SALES_API_KEY set, and stops the server whatever happens.
# Extra server flags come from SERVER_FLAGS. Exits with the command's status, or 1 if the server
# died during it (its crash report is printed).
# Usage: scripts/with-server.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product sales-server >/dev/null
work=$(mktemp -d)
export SALES_API_KEY="sk_test_$(date +%s)_$$_key"
# shellcheck disable=SC2086 # SERVER_FLAGS is a list of flags
SALES_BOOTSTRAP_KEY="$SALES_API_KEY" .build/debug/sales-server serve --db "$work/sales.sqlite" --port 0 \
    --log-level warning ${SERVER_FLAGS:-} > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 300); do
    port=$(sed -n 's|^sales-server listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.log")
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
    kill -0 $server 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ] || ! curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; then
    echo "the server did not become ready:"; cat "$work/server.log"; exit 1
fi
export SALES_SERVER_URL="http://127.0.0.1:$port"
status=0
"$@" || status=$?
if ! kill -0 $server 2>/dev/null; then
    echo "the server died during the run:"
    grep -m5 -E "Fatal error|Program crashed|crashed" "$work/server.log" || true
    grep -m40 -E "^[0-9]+ .* in sales-server|at /" "$work/server.log" || tail -60 "$work/server.log"
    status=1
fi
exit $status
