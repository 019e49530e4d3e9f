"""The kernel as JupyterLab meets it, through JupyterLab's own packages from npm: @jupyterlab/services (the
client code of JupyterLab's front end) talks to Debian's Notebook server over its REST API and websockets and
goes through a notebook session (jupyterlab.mjs lists each step); then the outputs the kernel sent are shown
in JupyterLab's own output area (@jupyterlab/outputarea, standard renderers) in headless Chromium, trusted
and untrusted, as they arrive and as a reopened notebook. The committed course notebooks go through the same
output area as a student opening them from the repository sees them. Screenshots go to out/jupyterlab/."""
import glob
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def test_a_notebook_session_through_jupyterlabs_own_client_and_output_area(token_server):
    out = os.path.join(ROOT, "out", "jupyterlab")
    run = subprocess.run(["node", os.path.join(HERE, "jupyterlab.mjs"), token_server.url, out],
                         env={**os.environ, "JUPYTER_TOKEN": token_server.token},
                         capture_output=True, text=True, timeout=900)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all JupyterLab checks passed" in run.stdout


def test_the_course_notebooks_show_their_saved_outputs_in_jupyterlabs_output_area(browser_packages):
    notebooks = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    assert notebooks
    run = subprocess.run(["node", os.path.join(HERE, "jupyterlab-notebooks.mjs"),
                          os.path.join(ROOT, "out", "jupyterlab", "notebooks"), *notebooks],
                         capture_output=True, text=True, timeout=900)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("ok   ") == 2 * len(notebooks), run.stdout
