# shellcheck shell=bash
# Sourced by every script of this repository: the settings a JVM cannot give itself once started, and the
# Python that has Jupyter.

# The "environment." lines of cnnlab's one settings file (glibc's malloc thresholds; see README, "Speed").
cnnlab_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=kernel/src/kernelspec/settings.sh
. "$cnnlab_root/kernel/src/kernelspec/settings.sh"
cnnlab_export_settings "$cnnlab_root/cnn-api/src/main/resources/org/cnnlab/runtime/settings.properties"

# Where a user without root gets Jupyter: a virtual environment that scripts/setup.sh creates.
CNNLAB_VENV=${CNNLAB_HOME:-$HOME/.cnnlab}/venv

# cnnlab_find_python: sets CNNLAB_PYTHON to a Python that has Jupyter (jupyter_client and nbformat), looking
# at cnnlab's own venv (made by an earlier ./start.sh without root: found again, never reinstalled), then
# Debian's /usr/bin/python3, then python3 on PATH (on some machines a build without Jupyter, such as pyenv's). A CNNLAB_PYTHON the user exported wins. Returns 1 when none has
# Jupyter; call it again after installing Jupyter (scripts/setup.sh does), since the answer then changes.
cnnlab_find_python() {
  if [ -n "${CNNLAB_PYTHON:-}" ] && [ "${CNNLAB_PYTHON_FOUND:-}" != auto ]; then
    return 0
  fi
  local candidate
  for candidate in "$CNNLAB_VENV/bin/python" /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -x "$candidate" ] && "$candidate" -c 'import jupyter_client, nbformat' 2>/dev/null; then
      export CNNLAB_PYTHON=$candidate CNNLAB_PYTHON_FOUND=auto
      # The venv's `jupyter` command and its kernels' launchers must be found too.
      if [ "$candidate" = "$CNNLAB_VENV/bin/python" ]; then
        case ":$PATH:" in *":$CNNLAB_VENV/bin:"*) ;; *) export PATH="$CNNLAB_VENV/bin:$PATH" ;; esac
      fi
      return 0
    fi
  done
  export CNNLAB_PYTHON="" CNNLAB_PYTHON_FOUND=auto
  return 1
}
cnnlab_find_python || true
