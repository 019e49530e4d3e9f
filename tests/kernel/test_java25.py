"""The kernel on a newer Java than the project's 17: Java 24 and later have no SecurityManager (System.exit is
refused by reading the cell) and, like 20 and later, cannot Thread.stop (an uninterruptible cell is reported,
not killed). Runs where a Java 25 JDK is installed: CNNLAB_JAVA25, else Debian's and Temurin's usual folders."""
import os
import queue
import time
from pathlib import Path

import pytest

from kernel_support import Kernel

CANDIDATES = [os.environ.get("CNNLAB_JAVA25", ""), "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
              "/usr/lib/jvm/java-25-openjdk-amd64/bin/java"]
JAVA25 = next((p for p in CANDIDATES if p and os.access(p, os.X_OK)), None)

pytestmark = pytest.mark.skipif(JAVA25 is None, reason="no Java 25 JDK found (set CNNLAB_JAVA25 to its bin/java)")


def _start():
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=60, env=dict(os.environ, CNNLAB_JAVA=JAVA25))
    return Kernel(km, kc)


def _stop(k):
    k.kc.stop_channels()
    k.km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel25():
    k = _start()
    yield k
    _stop(k)


def test_starts_on_java_25_and_evaluates(kernel25):
    info = kernel25.kc.kernel_info(reply=True, timeout=30)["content"]
    assert info["language_info"]["version"].startswith("25"), info
    assert kernel25.value("1+1") == "2"
    assert kernel25.value("Runtime.version().feature()") == "25"


def test_chart_displays(kernel25):
    reply, outputs = kernel25.run('var c = new XYChart(200, 120); c.addSeries("a", new double[]{1, 2}, '
                                  'new double[]{2, 1});\ndisplay(c);')
    assert reply["status"] == "ok", reply
    assert [c for t, c in outputs if t == "display_data"][0]["data"]["image/png"].startswith("iVBOR")


def test_cooperative_interrupt_of_sleep_and_polling_loop(kernel25):
    kernel25.run("int before = 7;")
    for code in ["Thread.sleep(60_000);", "while (!Thread.currentThread().isInterrupted()) { }"]:
        reply, _ = kernel25.run_and_interrupt('{ display("running"); ' + code + " }", timeout=30)
        assert reply["status"] == "error" and reply["ename"] == "Interrupted", (code, reply)
    assert kernel25.value("before") == "7"


def test_exit_is_refused_and_kernel_lives_on(kernel25):
    for code in ["System.exit(0);", "int a = 1;\nRuntime.getRuntime().halt(1);", "IntConsumer q = System::exit;"]:
        reply, _ = kernel25.run(code)
        assert reply["status"] == "error", (code, reply)
        assert "is not allowed in a notebook" in reply["evalue"] and "restart the kernel" in reply["evalue"]
    assert kernel25.value('"System.exit(0) // in a string is fine"') == "System.exit(0) // in a string is fine"
    assert kernel25.km.is_alive()
    assert kernel25.value("2+3") == "5"


def test_uninterruptible_cell_is_reported_and_kernel_still_answers():
    k = _start()
    try:
        msg_id = k.kc.execute('{ System.out.println("spinning"); long spins = 0;\n'
                              "  while (true) { Thread.interrupted(); spins++; } }")
        queued = k.kc.execute("1+2")
        text = ""
        deadline = time.time() + 30
        while "Interrupt failed" not in text and time.time() < deadline:
            m = k.kc.get_iopub_msg(timeout=30)
            if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream":
                text += m["content"]["text"]
                if m["content"]["text"].startswith("spinning"):
                    k.km.interrupt_kernel()  # only now: the cell runs, past JShell's start and its compile
        assert "Java 25 cannot stop" in text and "Restart the kernel" in text, text
        # The control channel still answers; the queued cell waits behind the runaway one.
        k.km.interrupt_kernel()
        assert k.kc.hb_channel.is_beating() and k.km.is_alive()
        # (a non-event: watched for 1.5 s; replies left over from start-up are not about these two cells)
        with pytest.raises(queue.Empty):
            while True:
                m = k.kc.get_shell_msg(timeout=1.5)
                assert m["parent_header"].get("msg_id") not in (msg_id, queued), m
        # A shutdown request ends the process by itself (exit status 0, not killed by the client) even though
        # the cell cannot be stopped.
        k.kc.shutdown()
        assert k.kc.get_control_msg(timeout=60)["msg_type"] == "shutdown_reply"
        assert k.km.provisioner.process.wait(timeout=60) == 0
    finally:
        if k.km.is_alive():
            k.km.shutdown_kernel(now=True)
