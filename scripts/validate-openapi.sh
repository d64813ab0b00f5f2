#!/usr/bin/env bash
# Validates docs/openapi.yaml against the OpenAPI 3.1 schema (openapi-spec-validator from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import openapi_spec_validator" 2>/dev/null; then
    echo "installing openapi-spec-validator from PyPI"
    python3 -m pip install --quiet openapi-spec-validator 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages openapi-spec-validator
fi
python3 -m openapi_spec_validator docs/openapi.yaml
