#!/usr/bin/env bash
# Installs the checkers the full test suite uses besides Node, from Debian's packages:
#   jing (RelaxNG) and Java, epubcheck (EPUB), Chromium (the printed edition and the browser
#   tests), poppler-utils (pdftotext, pdffonts, pdfinfo: reading the PDF back).
# Tests whose checker is missing are skipped and listed at the end of `npm test`; this makes
# them run. Needs root (or sudo) on Debian or Ubuntu; asks nothing.
set -euo pipefail

PACKAGES=(jing default-jre-headless chromium epubcheck poppler-utils)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-debian.sh: apt-get not found; install these with your system's packages: ${PACKAGES[*]}" >&2
  exit 1
fi
run=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-debian.sh: run as root (or install sudo): apt-get install -y ${PACKAGES[*]}" >&2
    exit 1
  fi
  run=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update
"${run[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" </dev/null
