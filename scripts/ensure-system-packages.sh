#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing. Nothing else is fetched: ffmpeg and
# ffprobe come from npm packages, and Electron's binary is never needed (see docs/testing.md).
# Today only git and a C++ toolchain for better-sqlite3 are needed, and the machine image has both; the list
# grows when the renderer's browser tests arrive (chromium, xvfb).
set -euo pipefail
need=()
for pair in "g++:g++" "make:make" "python3:python3"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair##*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${need[*]}. Install them (as root: apt-get install -y ${need[*]})." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
