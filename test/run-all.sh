#!/usr/bin/env bash
# The whole suite, as CI runs it (`npm test`). The tests use real checkers besides Node (jing,
# Java, epubcheck, Chromium, poppler-utils) and the reference material in ../shared; whatever this
# machine lacks, the tests that need it are skipped, and the closing lines say which checkers were
# found and which tests were skipped for lack of one. scripts/setup-debian.sh installs the tools.
# `npm run test:quick` (test/run-quick.sh) is the fast tier.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules ]] || npm ci
npm run --silent compile
mkdir -p test-output
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@" || status=$?
node test/summary.mjs test-output/vitest.json full || true
exit "$status"
