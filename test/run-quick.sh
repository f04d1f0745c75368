#!/usr/bin/env bash
# The quick tier (`npm run test:quick`): unit and rule tests and one build of the bundled edition,
# in under two minutes on two cores. It leaves to `npm test` the corpora in ../shared, epubcheck,
# the printed edition and Chromium, the fuzz tests and the installation test: vitest.quick.config.ts
# names what runs, and TEI_EDITION_TIER=quick keeps the included files off ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules ]] || npm ci
npm run --silent compile
mkdir -p test-output
export TEI_EDITION_TIER=quick
status=0
npx vitest run --config vitest.quick.config.ts --reporter=default --reporter=json --outputFile.json=test-output/vitest-quick.json "$@" || status=$?
node test/summary.mjs test-output/vitest-quick.json quick || true
exit "$status"
