#!/usr/bin/env bash
# Generates both clients from docs/openapi.yaml with pinned generators (issue 20):
#   Clients/Swift/Sources/SalesClient/Generated  swift-openapi-generator (Clients/Swift/Generator pins it)
#   Clients/python/sales-server-client           openapi-python-client, formatted by ruff (pinned below)
# With --check nothing is written: it generates into a temp directory and fails, showing the
# difference, if what is committed is not exactly what the generators make now. Either generator
# warning fails it too: a spec that generates with warnings generates incomplete clients.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[ "${1:-}" = "--check" ] && check=true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=.build/clients-venv
if [ ! -x "$venv/bin/openapi-python-client" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'openapi-python-client==0.29.1' 'ruff==0.17.6'
fi

swift build --package-path Clients/Swift/Generator --product swift-openapi-generator >/dev/null
Clients/Swift/Generator/.build/debug/swift-openapi-generator generate docs/openapi.yaml \
    --config Clients/Swift/openapi-generator-config.yaml --output-directory "$work/swift" > "$work/swift.log" 2>&1
if grep -i "warning" "$work/swift.log"; then
    echo "swift-openapi-generator warned (above): fix docs/openapi.yaml"; exit 1
fi

RUFF_NO_CACHE=true PATH="$PWD/$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate --path docs/openapi.yaml --meta setup \
    --config Clients/python/openapi-python-client.yaml --output-path "$work/python" --fail-on-warning > "$work/python.log" 2>&1 \
    || { cat "$work/python.log"; echo "openapi-python-client failed or warned (above): fix docs/openapi.yaml"; exit 1; }

if $check; then
    status=0
    diff -ru Clients/Swift/Sources/SalesClient/Generated "$work/swift" || status=1
    diff -ru -x __pycache__ Clients/python/sales-server-client "$work/python" || status=1
    if [ $status -ne 0 ]; then
        echo "the committed clients differ from what docs/openapi.yaml generates: run make clients and commit"
        exit 1
    fi
    echo "clients: the committed Swift and Python clients are what docs/openapi.yaml generates"
else
    rm -rf Clients/Swift/Sources/SalesClient/Generated Clients/python/sales-server-client
    mv "$work/swift" Clients/Swift/Sources/SalesClient/Generated
    mv "$work/python" Clients/python/sales-server-client
    echo "clients: regenerated from docs/openapi.yaml"
fi
