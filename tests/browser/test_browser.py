"""A person's view: the classic Notebook server (Debian's jupyter-notebook) on 127.0.0.1, headless
Chromium driven by Playwright opens the LeNet notebook, runs all cells, and the live loss chart and the
filter images are real images in the page, with no error shown."""
import os
import subprocess


HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOTEBOOK = "05-lenet5.ipynb"


def test_explorers_come_alive_in_the_classic_notebook(notebook_server):
    """Notebook 1 run in the classic Notebook: every cell tagged "explorer" replaced its static board with the
    live view, and a hover writes the dot product."""
    shot = os.path.join(ROOT, "out", "browser-explorer.png")
    os.makedirs(os.path.dirname(shot), exist_ok=True)
    run = subprocess.run(["node", os.path.join(HERE, "run-notebook.mjs"), notebook_server, "01-convolution-by-hand.ipynb",
                          shot], capture_output=True, text=True, timeout=900)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert '"live": true' in run.stdout, run.stdout
    assert "explorer after a hover: output[1][1] = " in run.stdout, run.stdout


def test_lenet_notebook_renders_its_pictures_in_a_real_browser(notebook_server):
    shot = os.path.join(ROOT, "out", "browser-lenet.png")
    os.makedirs(os.path.dirname(shot), exist_ok=True)
    run = subprocess.run(["node", os.path.join(HERE, "run-notebook.mjs"), notebook_server, NOTEBOOK, shot],
                         capture_output=True, text=True, timeout=900)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert os.path.getsize(shot) > 10_000
