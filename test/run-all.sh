#!/usr/bin/env bash
# Runs every test. The tests use real checkers (jing, Java) as well as Node.
# As root on Debian, missing system tools are installed; elsewhere this says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need, with a command that proves each is present.
declare -A NEED=(
  [jing]="jing"
  [default-jre-headless]="java"
  [chromium]="chromium"
  # pdftotext, pdffonts, pdfinfo, pdftoppm: the printed edition's checks.
  [poppler-utils]="pdftotext"
  # No command: the tests run the jar with java; the file proves the package present.
  [epubcheck]="/usr/share/java/epubcheck.jar"
)
missing=()
for pkg in "${!NEED[@]}"; do
  command -v "${NEED[$pkg]}" >/dev/null 2>&1 || [[ ${NEED[$pkg]} == /* && -f ${NEED[$pkg]} ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system tools the tests need: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need these system tools: ${missing[*]}" >&2
    echo "On Debian or Ubuntu: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

[[ -d node_modules ]] || npm ci
npx tsc -p tsconfig.json
mkdir -p test-output
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@" || status=$?
# One plain closing line, whatever the reporter prints: "N passed, N failed, N skipped".
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' 2>/dev/null || true
exit "$status"
