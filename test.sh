#!/usr/bin/env bash
# Runs every test: the Java unit and integration tests of every module (real DJL natives, real data);
# then, through a real Jupyter client against the kernel installed by the same set-up script as
# ./start.sh, every Python test under tests/: the kernel's acceptance tests, every course notebook, the
# browser tests (headless Chromium; JupyterLab's own client library and output area from npm), the exported
# HTML pages, and shellcheck over every script.
#
# On a fresh machine it first installs what the tests need: the Debian packages of
# tests/debian-packages.txt (as root; otherwise it prints the apt-get command to run) and the browser
# tests' npm packages (tests/browser/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/env.sh
source ./scripts/packages.sh

mapfile -t packages < <(cnnlab_package_list tests/debian-packages.txt)
packages+=("${CNNLAB_JUPYTER_PACKAGES[@]}")
# Node.js for the browser tests: Debian 12's own (18) does; a Node already installed (e.g. from
# NodeSource, which bundles npm) is used as it is.
command -v npm >/dev/null || packages+=(nodejs npm)
cnnlab_apt_install test.sh "${packages[@]}"
cnnlab_find_python || { echo "test.sh: no Python with Jupyter found (looked at $CNNLAB_VENV/bin/python, /usr/bin/python3, python3 on PATH); set CNNLAB_PYTHON" >&2; exit 1; }

# npm ci only when the lock file changed since the last install: it wipes node_modules and needs the registry.
(
  cd tests/browser
  if ! cmp -s package-lock.json node_modules/.cnnlab-installed-lock 2>/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.cnnlab-installed-lock
  fi
)

mvn -B -ntp install

# Install the kernel the way ./start.sh does, into a throw-away prefix.
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
scripts/setup.sh --no-jupyter --no-build --prefix "$prefix"
export JUPYTER_PATH="$prefix/share/jupyter" JUPYTER_CONFIG_PATH="$prefix/etc/jupyter"

"$CNNLAB_PYTHON" -m pytest -q -rfE tests/
