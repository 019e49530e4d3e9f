"""Acceptance tests: a real jupyter_client drives the kernelspec test.sh installed (JUPYTER_PATH), or else the
BUILT kernelspec, installed here into a temporary prefix."""
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


def _installed_by_test_sh():
    """True when JUPYTER_PATH (set by test.sh) already holds the cnnlab kernelspec that setup.sh installed:
    that is the kernel users get, so that is the one to test."""
    for folder in os.environ.get("JUPYTER_PATH", "").split(os.pathsep):
        if folder and (Path(folder) / "kernels" / "cnnlab" / "kernel.json").exists():
            return True
    return False


def _install():
    if _installed_by_test_sh():
        return
    _prefix = tempfile.mkdtemp(prefix="cnnlab-kernels-")
    if not (SPEC / "kernel.json").exists():
        raise RuntimeError(f"{SPEC} is missing: run `mvn -B -ntp install` first")
    subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "install", "--prefix", _prefix,
                    "--name", "cnnlab", str(SPEC)], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (os.path.join(_prefix, "share", "jupyter"), os.environ.get("JUPYTER_PATH")) if p)


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
        return self.collect(msg_id, timeout)

    def collect(self, msg_id, timeout=60):
        """The reply to an execute request already sent, and its IOPub output up to its idle status."""
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

    def shell_reply(self, msg_id, timeout=60):
        """The content of the shell reply to msg_id (other replies are skipped)."""
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def wait_for_output(self, msg_id, msg_type, timeout=60):
        """Waits until the request's IOPub output includes a message of msg_type; returns its content."""
        while True:
            m = self.kc.get_iopub_msg(timeout=timeout)
            if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == msg_type:
                return m["content"]

    def run_and_interrupt(self, code, when="display_data", timeout=60):
        """Executes code and interrupts it once its output includes a `when` message (the code shows one when
        it is running: an order proven by the protocol, not by a sleep); returns what run() returns."""
        msg_id = self.kc.execute(code)
        self.wait_for_output(msg_id, when, timeout)
        self.km.interrupt_kernel()
        return self.collect(msg_id, timeout)

    def value(self, code):
        reply, outputs = self.run(code)
        assert reply["status"] == "ok", reply
        results = [c for t, c in outputs if t == "execute_result"]
        assert results, f"no execute_result for {code!r}: {outputs}"
        return results[-1]["data"]["text/plain"]

    def stdout(self, outputs, name="stdout"):
        return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == name)
