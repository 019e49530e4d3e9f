"""The torchvision comparison runs cnnlab in the installed "Java (cnnlab)" kernel through a real
jupyter_client, and torchvision in this Python (Debian's python3-torch and python3-torchvision)."""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "kernel" / "target" / "kernelspec" / "cnnlab"


def _kernelspec():
    """Uses the kernelspec test.sh installed (JUPYTER_PATH); else installs the built one into a temp prefix."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        KernelSpecManager().get_kernel_spec("cnnlab")
        return
    except NoSuchKernel:
        pass
    if not (SPEC / "kernel.json").exists():
        raise RuntimeError(f"{SPEC} is missing: run `mvn -B -ntp install` first")
    prefix = tempfile.mkdtemp(prefix="cnnlab-torchvision-")
    subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "install", "--prefix", prefix,
                    "--name", "cnnlab", str(SPEC)], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")


@pytest.fixture(scope="module")
def java():
    _kernelspec()
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=120)
    yield Java(kc)
    kc.stop_channels()
    km.shutdown_kernel(now=True)


class Java:
    """Runs a cell and returns its stdout; a cell that fails fails the test with the kernel's error."""

    def __init__(self, kc):
        self.kc = kc

    def run(self, code, timeout=600):
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=self._collect)
        return reply["content"]

    def __call__(self, code, timeout=600):
        self.out, self.errors = [], []
        content = self.run(code, timeout)
        assert content["status"] == "ok", f"{content.get('ename')}: {content.get('evalue')}\n{''.join(self.errors)}"
        return "".join(self.out)

    def _collect(self, msg):
        if msg["msg_type"] == "stream":
            (self.out if msg["content"]["name"] == "stdout" else self.errors).append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            self.errors.append("\n".join(msg["content"]["traceback"]))
