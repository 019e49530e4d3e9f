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
source scripts/packages.sh

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
# As root on Debian: Debian's packages. Otherwise: pip, into a virtual environment under ~/.cnnlab that
# scripts/env.sh finds again on every later run. Either way CNNLAB_PYTHON is chosen again afterwards: the
# choice made before the install (a Python without Jupyter) must not stick.
install_jupyter_with_pip() {
  local python
  python=$(command -v python3) || die "Jupyter is missing and there is no python3 to install it with. Run: sudo apt-get install -y --no-install-recommends ${CNNLAB_JUPYTER_PACKAGES[*]}"
  say "installing Jupyter with pip into $CNNLAB_VENV (as root, ./start.sh would use Debian's packages instead)"
  "$python" -m venv "$CNNLAB_VENV" \
    || die "'$python -m venv' failed (on Debian/Ubuntu: sudo apt-get install python3-venv). Or install Jupyter as Debian packages: sudo apt-get install -y --no-install-recommends ${CNNLAB_JUPYTER_PACKAGES[*]}"
  if ! "$CNNLAB_VENV/bin/python" -m pip install -q --disable-pip-version-check --retries 1 --timeout 20 \
        jupyterlab notebook nbconvert nbclient ipykernel; then
    rm -rf "$CNNLAB_VENV"
    die "pip could not install Jupyter: it could not reach its package index (${PIP_INDEX_URL:-https://pypi.org/simple}). Do one of:
  - install Debian's packages:  sudo apt-get install -y --no-install-recommends ${CNNLAB_JUPYTER_PACKAGES[*]}
  - give pip a reachable index: PIP_INDEX_URL=https://your.mirror/simple ./start.sh
  - use a Python that already has Jupyter:  CNNLAB_PYTHON=/path/to/python ./start.sh"
  fi
}
if ((want_jupyter)) && ! cnnlab_find_python; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Jupyter from Debian's packages"
    cnnlab_apt_install setup.sh "${CNNLAB_JUPYTER_PACKAGES[@]}"
  else
    install_jupyter_with_pip
  fi
  cnnlab_find_python || die "Jupyter was installed but no Python with jupyter_client and nbformat is found (looked at $CNNLAB_VENV/bin/python, /usr/bin/python3, python3 on PATH). Set CNNLAB_PYTHON to the Python that has Jupyter."
fi

# --- Build and install the kernel --------------------------------------------------------------------
if ((build)); then
  say "building (first time: Maven downloads DJL and PyTorch's natives, about 200 MB)"
  mvn -B -q -ntp -DskipTests install
fi
spec=kernel/target/kernelspec/cnnlab
[ -f "$spec/kernel.json" ] || die "the build did not produce $spec/kernel.json"
if [ -n "$CNNLAB_PYTHON" ]; then
  # Exported HTML shows cnnlab's pictures as PNG (nbconvert's own choice, the SVG, loses its shapes).
  if [ -n "$prefix" ]; then
    scripts/install-kernel.sh --prefix "$prefix"
    "$CNNLAB_PYTHON" scripts/export_html.py --configure "$prefix/etc/jupyter"
  else
    scripts/install-kernel.sh --user
    "$CNNLAB_PYTHON" scripts/export_html.py --configure "$("$CNNLAB_PYTHON" -c 'from jupyter_core.paths import jupyter_config_dir; print(jupyter_config_dir())')"
  fi
else
  say "built; Jupyter not found, so the kernel was not installed. Later: scripts/install-kernel.sh"
fi
