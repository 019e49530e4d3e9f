#!/usr/bin/env bash
# Runs every test: the Java unit and integration tests of every module (real DJL natives, real data),
# then the acceptance tests that drive the built kernel through a real Jupyter client.
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/env.sh

mvn -B -ntp install

# The kernel's acceptance tests: a real Jupyter client against the kernelspec built above.
"$CNNLAB_PYTHON" -m pytest -q tests/kernel
