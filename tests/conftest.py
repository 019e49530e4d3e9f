"""Shared by every test directory: each course notebook is run once per test session on the installed
"Java (cnnlab)" kernel (nbclient, the client nbconvert uses), and the tests that need a run notebook (the
notebooks' own checks, the exported HTML pages) share that run instead of training every network twice."""
import copy
import os

import nbformat
import pytest
from nbclient import NotebookClient


@pytest.fixture(scope="session")
def executed_notebook(tmp_path_factory):
    """executed_notebook(path) -> a copy of the notebook at path after running every cell (errors are kept
    as error outputs, for the caller to report)."""
    done = {}

    def run(path):
        if path not in done:
            nb = nbformat.read(path, as_version=4)
            folder = tmp_path_factory.mktemp(os.path.splitext(os.path.basename(path))[0])
            NotebookClient(nb, kernel_name="cnnlab", timeout=900, allow_errors=True,
                           resources={"metadata": {"path": str(folder)}}).execute()
            done[path] = nb
        return copy.deepcopy(done[path])

    return run
