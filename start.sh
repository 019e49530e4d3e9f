#!/usr/bin/env bash
# The main job: set up cnnlab (build, install the kernel, install Jupyter if needed) and open the course
# notebooks with the "Java (cnnlab)" kernel ready, on the embedded Fashion-MNIST sample.
#
#   ./start.sh                      open the notebooks in JupyterLab, or the classic Notebook
#   ./start.sh --execute NOTEBOOK   headless: run NOTEBOOK and write it as HTML to out/NAME.html
#   ./start.sh --port 8899          choose the port (default 8888); --ip 0.0.0.0 to listen beyond this machine
#   ./start.sh --no-setup           skip the set-up (already done, as in the Docker image)
set -euo pipefail
cd "$(dirname "$0")"

execute=""
port=8888
ip=127.0.0.1
setup=1
while (($#)); do
  case "$1" in
    --execute) execute="$2"; shift ;;
    --port) port="$2"; shift ;;
    --ip) ip="$2"; shift ;;
    --no-setup) setup=0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "start.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

((setup)) && scripts/setup.sh
source scripts/env.sh
[ -x "${CNNLAB_HOME:-$HOME/.cnnlab}/venv/bin/jupyter" ] && export PATH="${CNNLAB_HOME:-$HOME/.cnnlab}/venv/bin:$PATH"

if [ -n "$execute" ]; then
  [ -f "$execute" ] || { echo "start.sh: no notebook at '$execute'" >&2; exit 2; }
  mkdir -p out
  jupyter nbconvert --to html --execute --ExecutePreprocessor.kernel_name=cnnlab \
    --ExecutePreprocessor.timeout=1800 --output-dir out "$execute"
  echo "written: out/$(basename "${execute%.ipynb}").html"
  exit 0
fi

root_flag=()
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)
if jupyter lab --version >/dev/null 2>&1; then
  exec jupyter lab --ip="$ip" --port="$port" "${root_flag[@]}" --notebook-dir=notebooks
fi
exec jupyter notebook --ip="$ip" --port="$port" "${root_flag[@]}" --notebook-dir=notebooks
