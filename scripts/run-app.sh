#!/usr/bin/env bash
# Set up and run Ferry from a fresh checkout: install dependencies, then `npm start`.
# With internet, npm install fetches the Electron binary and the desktop window opens. Where that download
# cannot happen (offline, blocked), say so, install without it, and `npm start` serves the app to a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if ! npm install --no-audit --no-fund; then
    echo >&2
    echo "ferry: npm install failed — most often because the Electron binary could not be downloaded." >&2
    echo "ferry: installing without it; Ferry will run in your browser instead of its own window." >&2
    ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-audit --no-fund
  fi
fi

exec npm start
