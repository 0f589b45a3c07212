#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run every test.
# Usage: bash scripts/test-all.sh      (as root: it installs vsftpd, chromium, … with apt)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then
  bash scripts/setup-system.sh
else
  echo "Not root: skipping system packages (run 'sudo bash scripts/setup-system.sh' once)." >&2
fi

# The Electron binary cannot be downloaded everywhere (not on CI); the tests that need it say so and skip.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-audit --no-fund

npm test
