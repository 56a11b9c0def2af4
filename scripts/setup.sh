#!/usr/bin/env bash
# Set up everything the portal and its tests need, on a fresh Debian machine or a developer's.
#   scripts/setup.sh          -> .venv with the plugin and MkDocs
#   scripts/setup.sh --test   -> also the test tools and Debian's chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24,<27"
if $want_test; then
  python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test,search]"
else
  python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[search]"
fi

if $want_test && ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium for the browser tests" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if $want_test && [ ! -f node_modules/axe-core/axe.min.js ] && [ -f package.json ]; then
  npm ci --silent --no-audit --no-fund
fi
