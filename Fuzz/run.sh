#!/usr/bin/env bash
# Builds the HTTP parser fuzz target with libFuzzer and AddressSanitizer and runs it for
# FUZZ_SECONDS (default 120) over the seed corpus, new inputs kept in .build/corpus.
set -euo pipefail
cd "$(dirname "$0")"
[ -L sales-server ] || ln -s .. sales-server
rm -f .build/debug.yaml .build/debug/description.json
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p .build/corpus
export SWIFT_BACKTRACE=enable=no
exec .build/debug/HTTPParserFuzz .build/corpus corpus -seed="${FUZZ_SEED:-1}" -dict=http.dict -max_total_time="${FUZZ_SECONDS:-120}" \
    -max_len=4096 -detect_leaks=1 -print_final_stats=1
