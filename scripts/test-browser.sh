#!/usr/bin/env bash
# The console in a real browser (issue 19): Selenium from PyPI in a virtualenv drives Debian's
# chromium (`make test-browser` installs it, chromium-driver and poppler-utils first) through
# Tests/Browser against a real server on a fresh database (scripts/with-server.sh). Screenshots
# are written to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/browser-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'selenium==4.27.1'
fi
./scripts/with-server.sh "$venv/bin/python" Tests/Browser/test_console.py
