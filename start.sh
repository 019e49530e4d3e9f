#!/usr/bin/env bash
# The main job: set up cnnlab (build, install the kernel, install Jupyter if needed) and open the course
# notebooks with the "Java (cnnlab)" kernel ready, on the embedded Fashion-MNIST sample.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: ./start.sh [options]
  (no option)          set up cnnlab, then open the course notebooks in JupyterLab, or the classic Notebook
  --execute NOTEBOOK   headless: set up, run NOTEBOOK and write it as HTML to out/NAME.html
  --port PORT          the port to serve on (default 8888)
  --ip ADDRESS         the address to listen on (default 127.0.0.1; 0.0.0.0 to listen beyond this machine)
  --no-setup           skip the set-up (already done, as in the Docker image)
  -h, --help           print this and stop
USAGE
}

execute=""
port=8888
ip=127.0.0.1
setup=1
while (($#)); do
  case "$1" in
    --execute|--port|--ip)
      (($# >= 2)) || { echo "start.sh: $1 needs a value (try --help)" >&2; exit 2; }
      case "$1" in --execute) execute="$2" ;; --port) port="$2" ;; --ip) ip="$2" ;; esac
      shift ;;
    --no-setup) setup=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "start.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
# A notebook path is taken relative to where start.sh was called from.
if [ -n "$execute" ]; then
  [ -f "$execute" ] || { echo "start.sh: no notebook at '$execute'" >&2; exit 2; }
  execute=$(cd "$(dirname "$execute")" && pwd)/$(basename "$execute")
fi
cd "$(dirname "$0")"

if ((setup)); then scripts/setup.sh; fi
source scripts/env.sh
[ -n "$CNNLAB_PYTHON" ] || { echo "start.sh: no Python with Jupyter found; run ./start.sh without --no-setup" >&2; exit 1; }

if [ -n "$execute" ]; then
  exec "$CNNLAB_PYTHON" scripts/export_html.py --execute "$execute" out
fi

root_flag=()
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)
if "$CNNLAB_PYTHON" -m jupyterlab --version >/dev/null 2>&1; then
  exec "$CNNLAB_PYTHON" -m jupyterlab --ip="$ip" --port="$port" "${root_flag[@]}" --notebook-dir=notebooks
fi
exec "$CNNLAB_PYTHON" -m notebook --ip="$ip" --port="$port" "${root_flag[@]}" --notebook-dir=notebooks
