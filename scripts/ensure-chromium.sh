#!/usr/bin/env bash
# Finds Debian's Chromium for the headless suites, installing the `chromium`
# package when we are root and apt can reach Debian; otherwise says what is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium package for the headless browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium)," >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
exit 1
