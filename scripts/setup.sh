#!/usr/bin/env bash
# Sets up a fresh Debian machine for building and testing the white paper: installs Debian's Chromium (Puppeteer
# prints the PDF with it), CJK fonts and poppler-utils (PDF checks) when they are missing, then the npm packages.
# No package downloads a browser: puppeteer-core uses /usr/bin/chromium (or $PUPPETEER_EXECUTABLE_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in chromium fonts-noto-cjk poppler-utils; do
  if [ "$pkg" = chromium ] && [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "${PUPPETEER_EXECUTABLE_PATH}" ]; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]} (apt)" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules was not installed from this lockfile (a fresh clone, or a changed lockfile).
if ! cmp -s package-lock.json node_modules/.baipishu-lock 2>/dev/null; then
  echo "setup: npm ci" >&2
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.baipishu-lock
fi
echo "setup: ready" >&2
