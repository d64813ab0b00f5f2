#!/usr/bin/env bash
# Builds both servers in release mode and runs the side-by-side benchmark (see bench.py).
set -euo pipefail
cd "$(dirname "$0")"
# SwiftPM names a path dependency after its folder; this link gives ours a stable name.
[ -L sales-server ] || ln -s .. sales-server
# SwiftPM caches the build plan of a path dependency reached through a symlink and can miss
# new source files in it: drop the plan so every run builds what is checked out.
rm -f .build/release.yaml .build/release/description.json
swift build -c release
exec python3 bench.py "$@"
