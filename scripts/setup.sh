#!/usr/bin/env bash
# Set up everything the portal and its tests need, on a fresh Debian machine or a developer's.
#   scripts/setup.sh          -> .venv with the plugin and MkDocs
#   scripts/setup.sh --test   -> also the test tools, Debian's chromium for the browser tests and
#                                Debian's headless Java runtime for the W3C HTML checker
# Prerequisites (README): Python >= 3.10 with venv (Debian: python3-venv); for --test also npm and,
# when chromium or java is missing, root or sudo to install them with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

PYTHON=${PYTHON:-python3}
# How long to wait for another program (unattended-upgrades, another apt-get) to release apt's lock.
APT_LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-600}

missing() {  # what is missing, and how to get it; then stop
  echo "setup: missing: $1" >&2
  echo "setup: to get it: $2" >&2
  exit 1
}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  missing "Python 3.10 or newer ($PYTHON)" "sudo apt-get install python3 python3-venv"
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  missing "Python 3.10 or newer ($PYTHON is $("$PYTHON" -V 2>&1))" "install a newer python3, or run with PYTHON=/path/to/python3.11"
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    ver=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    missing "Python's venv module (Debian package python3-venv)" "sudo apt-get install python3-venv (or python${ver}-venv)"
  fi
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24,<27"
if $want_test; then
  python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test,search]"
else
  python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[search]"
fi

# apt and dpkg lock these files with fcntl locks while they work (unattended-upgrades at boot, say).
APT_LOCKS="/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock"

apt_busy() {  # true while another process holds one of apt's locks (checked as root only)
  [ "$(id -u)" -eq 0 ] || return 1
  "$PYTHON" - $APT_LOCKS <<'EOF'
import fcntl, os, sys
for name in sys.argv[1:]:
    try:
        fd = os.open(name, os.O_RDWR)
    except OSError:
        continue
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit(0)
    finally:
        os.close(fd)
sys.exit(1)
EOF
}

wait_for_apt() {  # bounded wait, with a message, for another package manager to finish
  local waited=0
  if apt_busy; then
    echo "setup: another program is using apt/dpkg (its lock is held); waiting up to ${APT_LOCK_TIMEOUT}s (APT_LOCK_TIMEOUT)…" >&2
    while apt_busy; do
      if [ "$waited" -ge "$APT_LOCK_TIMEOUT" ]; then
        missing "the apt/dpkg lock (still held after ${APT_LOCK_TIMEOUT}s)" \
          "wait for the other package manager to finish (ps aux | grep -E 'apt|dpkg'), then run this again"
      fi
      sleep 2
      waited=$((waited + 2))
    done
    echo "setup: apt/dpkg is free after ${waited}s; going on" >&2
  fi
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      missing "root or sudo to install $* with apt-get" "run as root, install sudo, or ask an administrator: apt-get install -y $*"
    fi
  fi
  wait_for_apt
  # apt itself also waits for its lock (apt >= 1.9.11), for a lock taken after our check.
  $sudo apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" update -qq
  wait_for_apt
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" install -y -qq "$@" >/dev/null
}

if $want_test && ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium for the browser tests" >&2
  apt_install chromium
fi
# The W3C Nu HTML Checker (vnu.jar, from npm) runs on Debian's Java runtime (tests/site/test_html_valid.py).
if $want_test && ! command -v java >/dev/null 2>&1; then
  echo "setup: installing Debian's headless Java runtime for the HTML checker" >&2
  apt_install default-jre-headless
fi
# npm packages: the web editor's Decap CMS (always: the build copies it to /bien-tap/), axe-core and vnu-jar
# (tests). --ignore-scripts: vnu-jar's install script would download a Java build from outside the registries.
if [ -f package.json ] && { [ ! -f node_modules/decap-cms/dist/decap-cms.js ] || [ ! -f node_modules/decap-server/dist/index.js ] \
    || { $want_test && { [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; }; }; }; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --silent --no-audit --no-fund --ignore-scripts
  elif $want_test; then
    missing "npm (the test tools axe-core and vnu-jar and the web editor come from the npm registry)" "sudo apt-get install npm"
  else
    echo "setup: npm not found: the web editor /bien-tap/ is left out (to get it: sudo apt-get install npm)" >&2
  fi
fi
