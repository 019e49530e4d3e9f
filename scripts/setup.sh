#!/usr/bin/env bash
# Sets up cnnlab on this machine: checks Java and Maven, makes sure Jupyter is there, builds the project
# and installs the "Java (cnnlab)" kernel. Run by ./start.sh, by the Docker image and by Binder, so that
# all three set up the same way. Safe to run again.
#
#   scripts/setup.sh [--no-jupyter] [--no-build] [--prefix DIR]
#     --no-jupyter   build and install the kernelspec only; do not install Jupyter
#     --no-build     the project is already built (as test.sh has just done): install the kernelspec only
#     --prefix DIR   install the kernelspec under DIR (as `jupyter kernelspec install --prefix`), not per user
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

want_jupyter=1
build=1
prefix=""
while (($#)); do
  case "$1" in
    --no-jupyter) want_jupyter=0 ;;
    --no-build) build=0 ;;
    --prefix) prefix="$2"; shift ;;
    *) echo "setup.sh: unknown option '$1' (known: --no-jupyter, --no-build, --prefix DIR)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '\033[1mcnnlab:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mcnnlab:\033[0m %s\n' "$*" >&2; exit 1; }

# --- Java 17+ and Maven ---------------------------------------------------------------------------
command -v java >/dev/null || die "Java is missing. Install a JDK 17 or newer (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless)."
command -v mvn >/dev/null || die "Maven is missing. Install it (Debian/Ubuntu: sudo apt-get install maven) or see https://maven.apache.org/install.html."
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java $java_major found; cnnlab needs Java 17 or newer."

# --- Jupyter ---------------------------------------------------------------------------------------
have_jupyter() { "$CNNLAB_PYTHON" -c 'import jupyter_client, nbformat' 2>/dev/null && command -v jupyter >/dev/null; }
if ((want_jupyter)) && ! have_jupyter; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Jupyter from the distribution's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends jupyter-notebook jupyter-nbconvert python3-nbclient \
      python3-jupyter-client jupyter-client python3-ipykernel >/dev/null
  elif command -v python3 >/dev/null && python3 -m venv --help >/dev/null 2>&1; then
    venv="${CNNLAB_HOME:-$HOME/.cnnlab}/venv"
    say "installing JupyterLab with pip into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip jupyterlab notebook nbconvert nbclient \
      || die "pip could not install JupyterLab (no network?). Install Jupyter yourself: 'pip install jupyterlab', or on Debian/Ubuntu 'sudo apt-get install jupyter-notebook jupyter-nbconvert'."
    export PATH="$venv/bin:$PATH"
    export CNNLAB_PYTHON="$venv/bin/python"
  else
    die "Jupyter is missing and cannot be installed automatically. Run: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient   (or: python3 -m pip install --user jupyterlab)"
  fi
fi

# --- Build and install the kernel --------------------------------------------------------------------
if ((build)); then
  say "building (first time: Maven downloads DJL and PyTorch's natives, about 200 MB)"
  mvn -B -q -ntp -DskipTests install
fi
spec=kernel/target/kernelspec/cnnlab
[ -f "$spec/kernel.json" ] || die "the build did not produce $spec/kernel.json"
if command -v jupyter >/dev/null || "$CNNLAB_PYTHON" -c 'import jupyter_client' 2>/dev/null; then
  if [ -n "$prefix" ]; then
    scripts/install-kernel.sh --prefix "$prefix"
  else
    scripts/install-kernel.sh --user
  fi
else
  say "built; Jupyter not found, so the kernel was not installed. Later: scripts/install-kernel.sh"
fi
