#!/usr/bin/env bash
# Installs the cnnlab Java kernel into Jupyter in one step, then warms it: one session started with
# CNNLAB_CDS_DUMP=1 writes an AppCDS archive into the installed kernelspec, which shortens every later start.
#   scripts/install-kernel.sh                 per user (~/.local/share/jupyter/kernels/cnnlab)
#   scripts/install-kernel.sh --sys-prefix    or --prefix DIR: passed on to `jupyter kernelspec install`
# Builds the kernelspec first when kernel/target/kernelspec/cnnlab is missing.
# Records the java it installs with (CNNLAB_JAVA, else $JAVA_HOME/bin/java, else java on PATH, links resolved)
# in kernel.json as CNNLAB_INSTALLED_JAVA: the kernel then keeps running on the JDK it was built and tested
# with, and whose start-up archive it holds, when PATH or JAVA_HOME change later. CNNLAB_JAVA set where
# Jupyter runs still overrides it; re-run this script after moving to another JDK on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/env.sh
if [ -z "$CNNLAB_PYTHON" ]; then
  echo "install-kernel.sh: no Python with Jupyter found (looked at $CNNLAB_VENV/bin/python, /usr/bin/python3, python3 on PATH). Run ./start.sh, which installs Jupyter, or set CNNLAB_PYTHON." >&2
  exit 1
fi
spec=kernel/target/kernelspec/cnnlab
if [ ! -f "$spec/kernel.json" ]; then
  mvn -B -ntp -q -pl kernel -am install -DskipTests
fi
java=${CNNLAB_JAVA:-}
if [ -z "$java" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
fi
CNNLAB_INSTALLED_JAVA=$(readlink -f "$(command -v "$java")")
export CNNLAB_INSTALLED_JAVA
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--user)
"$CNNLAB_PYTHON" -m jupyter_client.kernelspecapp install --name cnnlab "${args[@]}" "$spec"
"$CNNLAB_PYTHON" - "${args[@]}" <<'PY'
import json, os, sys
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
args = sys.argv[1:]
if "--prefix" in args:
    os.environ["JUPYTER_PATH"] = os.path.join(args[args.index("--prefix") + 1], "share", "jupyter")
spec_dir = KernelSpecManager().get_kernel_spec("cnnlab").resource_dir
spec_file = os.path.join(spec_dir, "kernel.json")
with open(spec_file) as f:
    spec = json.load(f)
spec.setdefault("env", {})["CNNLAB_INSTALLED_JAVA"] = os.environ["CNNLAB_INSTALLED_JAVA"]
with open(spec_file, "w") as f:
    json.dump(spec, f, indent=2)
os.environ["CNNLAB_CDS_DUMP"] = "1"
km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=120)
kc.execute_interactive("var c = new XYChart(200, 100); c.addSeries(\"a\", new double[]{1, 2}, new double[]{2, 1});\n"
                       "display(c);\nMath.ab", timeout=120, output_hook=lambda m: None)
kc.complete("Math.ab"); kc.get_shell_msg(timeout=60)
kc.stop_channels()
km.shutdown_kernel()
archive = os.path.join(spec_dir, "cnnlab.jsa")
print(f"Installed the cnnlab kernel in {spec_dir}, running {os.environ['CNNLAB_INSTALLED_JAVA']}"
      + (", with its start-up archive" if os.path.exists(archive) else ""))
sys.stdout.flush()
os._exit(0)  # skip jupyter_client's finalizers, which log into an already torn-down logging module
PY
