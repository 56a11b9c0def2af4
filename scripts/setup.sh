#!/usr/bin/env bash
# Set up everything the portal and its tests need, on a fresh Debian machine or a developer's.
#   scripts/setup.sh          -> .venv with the plugin and MkDocs
#   scripts/setup.sh --test   -> also the test tools, Debian's chromium for the browser tests and
#                                Debian's headless Java runtime for the W3C HTML checker
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
# The W3C Nu HTML Checker (vnu.jar, from npm) runs on Debian's Java runtime (tests/site/test_html_valid.py).
if $want_test && ! command -v java >/dev/null 2>&1; then
  echo "setup: installing Debian's headless Java runtime for the HTML checker" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
fi
# --ignore-scripts: vnu-jar's install script would download a Java build from outside the registries.
if $want_test && [ -f package.json ] && { [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; }; then
  npm ci --silent --no-audit --no-fund --ignore-scripts
fi
