#!/usr/bin/env bash
# Regenerates packages/core/src/contract-types.ts from the schema (run after editing the schema).
set -euo pipefail
cd "$(dirname "$0")/.."
npx -y json-schema-to-typescript@15 -i schemas/vendor-agreement.schema.json -o packages/core/src/contract-types.ts --unreachableDefinitions=false
