"""Debian's classic Notebook server on 127.0.0.1, serving a copy of the course notebooks: what the browser
tests open in Chromium and what JupyterLab's client library talks to."""
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


@dataclass
class Server:
    url: str
    token: str


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def needs_browser_packages():
    if not shutil.which("chromium") or not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        pytest.fail("the browser tests need Debian's chromium and `npm ci` in tests/browser (./test.sh does both)")


def start_server(tmp_path, token):
    """Starts the server (with this token; "" for none) and waits until its API answers."""
    work = tmp_path / "notebooks"
    shutil.copytree(os.path.join(ROOT, "notebooks"), work)
    port = free_port()
    cmd = [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--NotebookApp.token={token}", "--NotebookApp.password=", f"--notebook-dir={work}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    # Waiting for a server to listen: polling its API is the only signal it gives.
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/api", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.5)
    server.kill()
    pytest.fail("the notebook server did not start: " + (tmp_path / "server.log").read_text())


@pytest.fixture
def browser_packages():
    """Fails the test, saying what to do, when Chromium or the npm packages are missing."""
    needs_browser_packages()


@pytest.fixture
def notebook_server(tmp_path):
    """A server without a token, for Chromium to open notebooks directly; yields its URL."""
    needs_browser_packages()
    server, url = start_server(tmp_path, "")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def token_server(tmp_path):
    """A server with a token, as a real one runs (its REST API refuses a POST without one)."""
    needs_browser_packages()
    token = secrets.token_hex(16)
    server, url = start_server(tmp_path, token)
    yield Server(url, token)
    server.terminate()
    server.wait(timeout=20)
