#!/usr/bin/env bash
# The console in a real browser (issue 19): Debian's chromium and chromium-driver (one source
# package, so their versions match) and poppler-utils (pdftotext, to read the printed invoice),
# installed when missing; Selenium from PyPI in a virtualenv; Tests/Browser against a real server
# on a fresh database (scripts/with-server.sh). Screenshots are written to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=""
for p in chromium chromium-driver poppler-utils; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi
venv=.build/browser-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'selenium==4.27.1'
fi
./scripts/with-server.sh "$venv/bin/python" Tests/Browser/test_console.py
