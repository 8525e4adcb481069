#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists: WAYFINDER_CHROMIUM, else /usr/bin/chromium,
# installing Debian's package when running as root; otherwise says exactly what to run.
set -euo pipefail
chromium="${WAYFINDER_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ -n "${WAYFINDER_CHROMIUM:-}" ]; then
  echo "WAYFINDER_CHROMIUM is set to $chromium, which is not an executable." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium. Install it with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "or point WAYFINDER_CHROMIUM at a Chromium or Chrome binary." >&2
exit 1
