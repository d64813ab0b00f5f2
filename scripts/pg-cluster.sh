#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 18 item 5): initdb in a temp directory,
# listening on loopback only, on a free port, trust authentication for local connections, no
# fsync (a test cluster is thrown away, never recovered).
#
#   scripts/pg-cluster.sh start DIR   prints the URL of database "sales_test" on stdout
#   scripts/pg-cluster.sh stop DIR    stops it (immediately) and removes DIR
#   scripts/pg-cluster.sh run CMD…    start, run CMD with SALES_TEST_POSTGRES set, stop whatever happened
#
# initdb refuses to run as root: as root the cluster runs as the `postgres` user (created by the
# Debian package). Installs the `postgresql` package when missing.
set -euo pipefail

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$dir" ]; then
        echo "installing Debian package: postgresql" >&2
        local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    echo "$dir"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local dir=$1 bin port
    bin=$(pg_bin)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -N -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$dir/data" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=600" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres sales_test
    echo "postgres://postgres@127.0.0.1:$port/sales_test"
}

stop() {
    local dir=$1 bin
    [ -d "$dir" ] || return 0
    bin=$(pg_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    run)
        shift
        dir=$(mktemp -d /tmp/sales-pg.XXXXXX)
        trap 'stop "$dir"' EXIT INT TERM
        SALES_TEST_POSTGRES=$(start "$dir")
        export SALES_TEST_POSTGRES
        echo "PostgreSQL test cluster: $SALES_TEST_POSTGRES" >&2
        "$@"
        ;;
    *) echo "usage: $0 start DIR | stop DIR | run CMD…" >&2; exit 2 ;;
esac
