"""Acceptance tests: a real jupyter_client drives the BUILT kernelspec, installed into a temporary prefix."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "kernel" / "target" / "kernelspec" / "cnnlab"
_prefix = tempfile.mkdtemp(prefix="cnnlab-kernels-")


def _install():
    if not (SPEC / "kernel.json").exists():
        raise RuntimeError(f"{SPEC} is missing: run `mvn -B -ntp install` first")
    subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "install", "--prefix", _prefix,
                    "--name", "cnnlab", str(SPEC)], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = os.path.join(_prefix, "share", "jupyter")


_install()


@pytest.fixture(scope="session")
def kernel():
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=60)
    yield Kernel(km, kc)
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.fixture
def fresh_kernel():
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=60)
    yield Kernel(km, kc)
    kc.stop_channels()
    km.shutdown_kernel(now=True)


class Kernel:
    def __init__(self, km, kc):
        self.km, self.kc = km, kc

    def run(self, code, timeout=60, send=None):
        """Executes code; returns (reply content, [(msg_type, content)...] of this request's IOPub output)."""
        msg_id = self.kc.execute(code) if send is None else send()
        outputs = []
        while True:
            m = self.kc.get_iopub_msg(timeout=timeout)
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
            if m["msg_type"] not in ("status", "execute_input"):
                outputs.append((m["msg_type"], m["content"]))
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"], outputs

    def value(self, code):
        reply, outputs = self.run(code)
        assert reply["status"] == "ok", reply
        results = [c for t, c in outputs if t == "execute_result"]
        assert results, f"no execute_result for {code!r}: {outputs}"
        return results[-1]["data"]["text/plain"]

    def stdout(self, outputs, name="stdout"):
        return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == name)
