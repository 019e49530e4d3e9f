#!/usr/bin/env bash
# Runs every test: the Java unit and integration tests of every module (real DJL natives, real data);
# then, through a real Jupyter client against the kernel installed by the same set-up script as
# ./start.sh: the kernel's acceptance tests, every course notebook, and the browser test.
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/env.sh

mvn -B -ntp install

# Install the kernel the way ./start.sh does, into a throw-away prefix.
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
scripts/setup.sh --no-jupyter --no-build --prefix "$prefix"
export JUPYTER_PATH="$prefix/share/jupyter"

if command -v shellcheck >/dev/null; then
  shellcheck -x start.sh test.sh scripts/*.sh .ci/run binder/postBuild
fi

# The kernel's acceptance tests, every course notebook (nbclient), and the LeNet notebook in a real
# browser (classic Notebook server + headless Chromium).
"$CNNLAB_PYTHON" -m pytest -q tests/kernel tests/notebooks tests/browser
