#!/bin/sh
# embed-files.sh OUT ROOT FILE...: writes a Swift file declaring
#   enum EmbeddedFiles { static let all: [(name: String, text: String)] }
# holding each FILE's path relative to ROOT ("migrations/0001_foundation.sql") and text (without
# its final newline). Run at build time by the
# EmbedFiles build-tool plugin (Plugins/EmbedFiles), so nothing generated is committed.
set -eu
out=$1
root=$2
shift 2
{
    echo "// Generated at build time by scripts/embed-files.sh (the EmbedFiles plugin). Do not edit."
    echo "enum EmbeddedFiles {"
    echo "    static let all: [(name: String, text: String)] = ["
    for file in "$@"; do
        # The text goes into a raw string literal that only `"""##` could end early.
        if grep -q '"""##' "$file"; then
            echo "embed-files.sh: $file contains \"\"\"##, which would end the Swift literal" >&2
            exit 1
        fi
        echo "        (\"${file#"$root"/}\", ##\"\"\""
        cat "$file"
        echo "\"\"\"##),"
    done
    echo "    ]"
    echo "}"
} > "$out.tmp"
mv "$out.tmp" "$out"
