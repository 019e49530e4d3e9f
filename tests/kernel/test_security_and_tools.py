"""HMAC rejection, a notebook run by nbconvert, and the JShell launcher."""
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
from jupyter_client.session import Session

from kernel_support import ROOT


def test_wrongly_signed_and_unsigned_messages_are_never_executed(kernel, tmp_path):
    marker = tmp_path / "ran.txt"
    code = f'java.nio.file.Files.writeString(java.nio.file.Path.of("{marker}"), "ran");'
    session = kernel.kc.session
    before, _ = kernel.run("1")
    for key in (b"wrong-key", b""):
        forger = Session(key=key, username="attacker")
        msg = forger.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forger.send(kernel.kc.shell_channel.socket, msg)
    # A properly signed request sent after them on the same socket is served after them: once it is
    # answered, the forged ones were dealt with. None ran, not even silently (the count moved by one).
    after, outputs = kernel.run("40+2")
    assert session.key and after["status"] == "ok" and after["execution_count"] == before["execution_count"] + 1
    assert not marker.exists(), "a forged execute_request was executed"


def test_notebook_with_chart_runs_under_nbconvert(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('var chart = new XYChart(400, 300);\n'
                                  'chart.addSeries("loss", new double[]{1, 2, 3}, new double[]{0.9, 0.5, 0.3});\n'
                                  'chart'),
        nbformat.v4.new_code_cell('display(chart);'),
        nbformat.v4.new_code_cell('System.out.println("done");'),
    ]
    path = tmp_path / "chart.ipynb"
    nbformat.write(nb, path)
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                    "--ExecutePreprocessor.kernel_name=cnnlab", "--ExecutePreprocessor.timeout=120", str(path)],
                   check=True, capture_output=True, env=os.environ)
    done = nbformat.read(path, as_version=4)
    first, second, third = done.cells
    assert first.outputs[0]["output_type"] == "execute_result"
    assert first.outputs[0]["data"]["image/png"]
    assert second.outputs[0]["output_type"] == "display_data" and second.outputs[0]["data"]["image/png"]
    assert "done" in third.outputs[0]["text"]


def test_jshell_launcher_evaluates_with_cnnlab_classpath(tmp_path):
    launcher = ROOT / "kernel" / "target" / "cnnlab-jshell"
    script = '1+1\nnew XYChart(100, 80).getWidth()\n/exit\n'
    run = subprocess.run([str(launcher), "-q"], input=script, capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert "==> 2" in run.stdout, run.stdout + run.stderr
    assert "==> 100" in run.stdout, run.stdout + run.stderr


def _inspect(kernel, code, cursor):
    msg_id = kernel.kc.inspect(code, cursor)
    while True:
        reply = kernel.kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def test_inspect_shows_cnn_api_javadoc_from_its_sources_jar(kernel):
    on_class = _inspect(kernel, "Cnn.input", 2)
    assert on_class["found"], on_class
    assert "The front door" in on_class["data"]["text/plain"], on_class
    on_method = _inspect(kernel, "Cnn.input", len("Cnn.input"))
    assert "Starts a network on images" in on_method["data"]["text/plain"], on_method
    jdk = _inspect(kernel, "Math.abs", len("Math.abs"))
    assert "absolute value" in jdk["data"]["text/plain"]
    # A variable: its name and type, with what its type's javadoc says.
    kernel.run("var layers = Cnn.input(1, 28, 28);")
    on_variable = _inspect(kernel, "layers.conv(6, 5)", 3)
    assert on_variable["found"], on_variable
    text = on_variable["data"]["text/plain"]
    assert text.startswith("layers:") and "Cnn" in text and "The front door" in text, text
