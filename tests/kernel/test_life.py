"""Edges of a kernel's life, as ipykernel behaves (issue #9): it ends with the process that started it,
answers a console's first questions at once, closes comms it has no target for, and exports notebooks as
scripts jshell runs."""
import json
import os
import select
import signal
import subprocess
import sys
import time

import nbformat
import pytest
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

from kernel_support import ROOT

WRAPPER = """
import subprocess, sys
argv, env = sys.argv[1], sys.argv[2]
import json, os
p = subprocess.Popen(json.loads(argv), env={**os.environ, **json.loads(env)})
print(p.pid, flush=True)
p.wait()
"""


def test_kernel_exits_when_the_process_that_started_it_dies(tmp_path):
    spec = KernelSpecManager().get_kernel_spec("cnnlab")
    connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
    argv = [a.replace("{connection_file}", connection_file).replace("{resource_dir}", spec.resource_dir)
            for a in spec.argv]
    env = {k: v for k, v in os.environ.items() if k != "JPY_PARENT_PID"}
    wrapper = subprocess.Popen([sys.executable, "-c", WRAPPER, json.dumps(argv), json.dumps(spec.env)],
                               stdout=subprocess.PIPE, text=True, env=env)
    kernel_pid = int(wrapper.stdout.readline())
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.kernel_info()
        assert kc.get_shell_msg(timeout=120)["msg_type"] == "kernel_info_reply"  # it runs, under the wrapper
        pidfd = os.pidfd_open(kernel_pid)
        wrapper.send_signal(signal.SIGKILL)
        wrapper.wait()
        # Waits on the kernel's own exit (it is not our child: a pidfd is readable once the process ended).
        ended, _, _ = select.select([pidfd], [], [], 120)
        assert ended, f"kernel {kernel_pid} outlived the process that started it"
        os.close(pidfd)
    finally:
        kc.stop_channels()
        try:
            os.kill(kernel_pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_is_complete_is_answered_at_once_after_start(fresh_kernel):
    # jupyter console asks right after kernel_info and waits 1 s; JShell may still be warming up then.
    k = fresh_kernel
    start = time.monotonic()
    msg_id = k.kc.is_complete("for (int i = 0; i < 3; i++) {")
    reply = k.shell_reply(msg_id, timeout=10)
    took = time.monotonic() - start
    assert reply["status"] == "incomplete", reply
    assert took < 1.0, f"is_complete took {took:.2f} s"
    assert k.shell_reply(k.kc.is_complete("int x = 1;"))["status"] == "complete"


def test_comm_open_to_an_unknown_target_is_closed(kernel):
    msg = kernel.kc.session.msg("comm_open", {"comm_id": "c-1", "target_name": "jupyter.widget", "data": {}})
    kernel.kc.shell_channel.send(msg)
    closed = kernel.wait_for_output(msg["header"]["msg_id"], "comm_close")
    assert closed["comm_id"] == "c-1"
    assert kernel.value("1+1") == "2"


def test_notebook_exports_as_a_jshell_script_that_jshell_runs(kernel, tmp_path):
    info = kernel.kc.kernel_info(reply=True)["content"]["language_info"]
    assert info["file_extension"] == ".jshell", info
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("int twice(int x) { return 2 * x; }"),
                nbformat.v4.new_code_cell('System.out.println("answer " + twice(21));')]
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    # Run in the kernel (which records its language_info in the notebook, as saving from Jupyter does),
    # then export.
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                    "--ExecutePreprocessor.kernel_name=cnnlab", "--ExecutePreprocessor.timeout=120", str(path)],
                   check=True, capture_output=True, env=os.environ)
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "script", str(path)],
                   check=True, capture_output=True, env=os.environ)
    script = tmp_path / "lesson.jshell"
    assert script.exists(), list(tmp_path.iterdir())
    run = subprocess.run([str(ROOT / "kernel" / "target" / "cnnlab-jshell"), "-q", str(script)],
                         input="/exit\n", capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "answer 42" in run.stdout, run.stdout + run.stderr


def test_a_cell_sent_during_the_warm_up_is_answered_in_order_and_an_interrupt_then_cancels_it(fresh_kernel):
    # start_new_kernel returns at the kernel_info reply: JShell is then usually still starting, on its own thread.
    k = fresh_kernel
    first = k.kc.execute("1+1")
    k.km.interrupt_kernel()  # interrupt_mode "message": it goes over the control channel, at once
    reply, outputs = k.collect(first)
    # Cancelled while it waited for JShell, or already run if JShell was ready: never lost, never hung.
    if reply["status"] == "error":
        assert reply["ename"] == "Interrupted", reply
    else:
        assert reply["status"] == "ok", reply
    assert reply["execution_count"] == 1, reply
    # Sent after that reply (one sent before it would be aborted by stop_on_error, as ipykernel does).
    reply, outputs = k.run("40+2")
    assert reply["status"] == "ok" and reply["execution_count"] == 2, reply
    assert [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"] == ["42"]


def test_shutdown_during_the_warm_up_exits_cleanly(tmp_path):
    spec = KernelSpecManager().get_kernel_spec("cnnlab")
    connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
    argv = [a.replace("{connection_file}", connection_file).replace("{resource_dir}", spec.resource_dir)
            for a in spec.argv]
    process = subprocess.Popen(argv, env={**os.environ, **spec.env}, stdout=subprocess.DEVNULL)
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.kernel_info()
        assert kc.get_shell_msg(timeout=120)["msg_type"] == "kernel_info_reply"
        kc.execute("1+1")  # waits for JShell, which is still starting
        shutdown = kc.shutdown()
        reply = kc.get_control_msg(timeout=120)
        assert reply["parent_header"]["msg_id"] == shutdown and reply["content"]["status"] == "ok", reply
        # The process ends by itself, with status 0, whether or not the queued cell ran: never a hang.
        assert process.wait(timeout=120) == 0
    finally:
        kc.stop_channels()
        if process.poll() is None:
            process.kill()
