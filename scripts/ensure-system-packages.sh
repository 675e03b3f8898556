#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium for the renderer's browser tests
# (never Playwright's own download), Xvfb for headed runs, poppler-utils (pdftotext, to read printed handouts
# back), and the build tools better-sqlite3 compiles with.
# ffmpeg and ffprobe come from npm packages; Electron's binary is never needed (see docs/testing.md).
set -euo pipefail
need=()
check() { command -v "$1" >/dev/null 2>&1 || need+=("$2"); }
check g++ g++
check make make
check python3 python3
check chromium chromium
check Xvfb xvfb
check pdftotext poppler-utils
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${need[*]}. Install them (as root: apt-get install -y ${need[*]})." >&2
    exit 1
  fi
  echo "Installing system packages: ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
