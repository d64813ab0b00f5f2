#!/usr/bin/env bash
# docs/deployment.md "Several nodes on PostgreSQL", run on this machine: a primary and a streaming
# replica made with `pg_basebackup -R` (two throwaway clusters on loopback ports), a node on a
# multi-host URL with target_session_attrs=read-write, writes through it, the replica following,
# the primary stopped and the replica promoted, and the same node — not restarted — writing to the
# new primary; then pgbouncer in session mode in front of it. Stops everything whatever happens.
#
#   scripts/deployment-walkthrough.sh [BINARY]      (default .build/debug/sales-server)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/sales-server}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
key=sk_walkthrough_admin_key_00000000000000000
work=$(mktemp -d /tmp/sales-walkthrough.XXXXXX)
chmod 755 "$work"   # the clusters run as postgres, who must reach their folders
primary=$work/primary replica=$work/replica
node_pid="" bouncer_pid=""
cleanup() {
    [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
    [ -n "$bouncer_pid" ] && kill "$bouncer_pid" 2>/dev/null || true
    for d in "$primary" "$replica"; do
        [ -f "$d/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$d/data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

step() { echo "== [${SECONDS}s] $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

url=$(scripts/pg-cluster.sh start "$primary")
primary_port=$(cat "$primary/port")
step "primary on port $primary_port"
# docs/deployment.md "A streaming replica": the role, then pg_basebackup -R into an empty directory.
as_pg psql -h 127.0.0.1 -p "$primary_port" -U postgres -qc "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'r'"
echo "host replication replicator 127.0.0.1/32 trust" | as_pg tee -a "$primary/data/pg_hba.conf" >/dev/null
as_pg psql -h 127.0.0.1 -p "$primary_port" -U postgres -qc "SELECT pg_reload_conf()" >/dev/null
mkdir -p "$replica" && chown postgres: "$replica" 2>/dev/null || true
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U replicator -D "$replica/data" -R -X stream -c fast -P >/dev/null 2>&1
replica_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$bin/pg_ctl" -D "$replica/data" -l "$replica/server.log" -w -o "-p $replica_port -k $replica -c max_connections=600" start >/dev/null
[ "$(as_pg psql -h 127.0.0.1 -p "$replica_port" -U postgres -d sales_test -tAc 'SELECT pg_is_in_recovery()')" = t ] || fail "the replica is not in recovery"
step "replica on port $replica_port, following the primary"

# docs/deployment.md "The nodes": one URL naming both hosts; libpq picks the read-write one.
multi="postgres://postgres@127.0.0.1:$primary_port,127.0.0.1:$replica_port/sales_test?target_session_attrs=read-write"
SALES_BOOTSTRAP_KEY=$key "$binary" serve --port 0 --db "$multi" --log-level warning > "$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/node.log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/node.log" | head -1 | cut -d: -f2)
[ -n "$port" ] || fail "the node did not start: $(cat "$work/node.log")"
api() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
[ "$(api -X POST "http://127.0.0.1:$port/v1/customers" -d '{"name":"Before failover"}')" = 201 ] || fail "write before failover"
for _ in $(seq 1 50); do
    n=$(as_pg psql -h 127.0.0.1 -p "$replica_port" -U postgres -d sales_test -tAc "SELECT COUNT(*) FROM customers")
    [ "$n" = 1 ] && break; sleep 0.1
done
[ "$n" = 1 ] || fail "the replica did not receive the write"
step "a node on the multi-host URL wrote; the replica has it"

# The primary is lost; the replica is promoted (docs/deployment.md "When something fails").
as_pg "$bin/pg_ctl" -D "$primary/data" -m immediate -w stop >/dev/null
code=$(api -X POST "http://127.0.0.1:$port/v1/customers" -d '{"name":"During"}')
[ "$code" = 503 ] || fail "a write with no primary answered $code, not 503"
as_pg psql -h 127.0.0.1 -p "$replica_port" -U postgres -qtAc "SELECT pg_promote()" >/dev/null
for _ in $(seq 1 50); do
    [ "$(as_pg psql -h 127.0.0.1 -p "$replica_port" -U postgres -tAc 'SELECT pg_is_in_recovery()')" = f ] && break; sleep 0.1
done
[ "$(api -X POST "http://127.0.0.1:$port/v1/customers" -d '{"name":"After failover"}')" = 201 ] || fail "write after promotion"
[ "$(api "http://127.0.0.1:$port/readyz")" = 200 ] || fail "readyz after promotion"
step "primary stopped: a write got 503; replica promoted: the same node wrote to it without a restart"
kill "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=""

# docs/deployment.md "pgbouncer": session pooling in front of the new primary.
if ! command -v pgbouncer >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -qq pgbouncer >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq pgbouncer >/dev/null; }
fi
bouncer_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/pgbouncer.ini" <<EOF
[databases]
sales_test = host=127.0.0.1 port=$replica_port dbname=sales_test
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = trust
auth_file = $work/userlist.txt
pool_mode = session
logfile = $work/pgbouncer.log
EOF
echo '"postgres" ""' > "$work/userlist.txt"
chown -R postgres: "$work" 2>/dev/null || true
as_pg pgbouncer "$work/pgbouncer.ini" >/dev/null 2>&1 &
bouncer_pid=$!
sleep 0.5
SALES_BOOTSTRAP_KEY=$key "$binary" serve --port 0 --db "postgres://postgres@127.0.0.1:$bouncer_port/sales_test" --log-level warning > "$work/node2.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/node2.log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/node2.log" | head -1 | cut -d: -f2)
[ -n "$port" ] || fail "the node behind pgbouncer did not start: $(cat "$work/node2.log")"
for i in 1 2 3 4 5; do
    [ "$(api -X POST "http://127.0.0.1:$port/v1/customers" -d "{\"name\":\"Through pgbouncer $i\"}")" = 201 ] || fail "write through pgbouncer"
done
total=$(curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:$port/v1/customers?limit=100" | grep -o '"name"' | wc -l)
[ "$total" = 7 ] || fail "expected 7 customers through pgbouncer, found $total"
"$binary" check --db "postgres://postgres@127.0.0.1:$bouncer_port/sales_test" | grep -qx ok || fail "check through pgbouncer"
step "a node through pgbouncer (session pooling) wrote 5 customers; 7 in all; check ok"
echo "deployment walkthrough: ok"
