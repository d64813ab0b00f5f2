#!/usr/bin/env bash
# The clients end to end (issue 20): builds the Swift SDK package (Clients/Swift) with its tests,
# installs the Python client (Clients/python/sales-server-client) into a fresh virtualenv as an
# integrator would, then runs the SDK's tests and the Python example's test against one real
# server on a fresh database (scripts/with-server.sh; --webhook-allow-private so webhooks can be
# received on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --package-path Clients/Swift --build-tests

venv=.build/clients-test-venv
rm -rf "$venv"
python3 -m venv "$venv"
# Installed from a copy: an in-tree build would leave build/ and *.egg-info beside the generated code.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r Clients/python/sales-server-client "$copy/"
"$venv/bin/pip" install -q "$copy/sales-server-client"

SERVER_FLAGS=--webhook-allow-private ./scripts/with-server.sh sh -c "
    swift test --package-path Clients/Swift --skip-build &&
    $venv/bin/python Clients/python/tests/test_pos_sale.py"
