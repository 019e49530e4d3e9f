"""The repository's shell scripts: shellcheck over every one of them, start.sh's usage, and the choice of
Jupyter's Python (scripts/env.sh) on a machine whose python3 has no Jupyter."""
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP_DIRS = {".git", "node_modules", "target", "out", ".mvn"}
SHELLS = ("sh", "bash", "dash")


def is_shell_script(path):
    if path.endswith(".sh"):
        return True
    try:
        with open(path, "rb") as f:
            first = f.readline(200)
    except OSError:
        return False
    if not first.startswith(b"#!"):
        return False
    words = first[2:].decode("latin-1").split()
    prog = os.path.basename(words[0]) if words else ""
    if prog == "env" and len(words) > 1:
        prog = words[1]
    return prog in SHELLS


def shell_scripts():
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        found += [os.path.join(folder, f) for f in files if is_shell_script(os.path.join(folder, f))]
    return sorted(found)


def test_every_script_passes_shellcheck():
    scripts = shell_scripts()
    names = {os.path.relpath(p, ROOT) for p in scripts}
    # The scripts the issue names must be among those found, so that a change of shebang cannot hide one.
    for expected in ("start.sh", "test.sh", ".ci/run", "scripts/env.sh", "kernel/src/kernelspec/launch.sh",
                     "kernel/src/jshell/cnnlab-jshell", "bench/train-bench.sh", "tests/fresh-root/run.sh"):
        assert expected in names, f"{expected} is not seen as a shell script; found: {sorted(names)}"
    run = subprocess.run(["shellcheck", "-x", "-P", "SCRIPTDIR", *scripts], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_start_help_prints_the_usage_only():
    run = subprocess.run([os.path.join(ROOT, "start.sh"), "--help"], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Usage: ./start.sh"), run.stdout
    assert "--execute NOTEBOOK" in run.stdout and "set -e" not in run.stdout, run.stdout
    assert run.stderr == ""


def test_start_refuses_an_unknown_option_and_says_what_it_got():
    run = subprocess.run([os.path.join(ROOT, "start.sh"), "--bogus"], capture_output=True, text=True, timeout=30)
    assert run.returncode == 2
    assert "'--bogus'" in run.stderr and "--help" in run.stderr


def chosen_python(env):
    run = subprocess.run(["bash", "-c", 'source scripts/env.sh && printf %s "$CNNLAB_PYTHON"'],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture
def python_without_jupyter(tmp_path):
    """A real Python on PATH that has no Jupyter, as pyenv's python3 on some machines: a bare venv."""
    venv = tmp_path / "bare venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bare = str(venv / "bin" / "python3")
    assert subprocess.run([bare, "-c", "import jupyter_client"], capture_output=True).returncode != 0
    return str(venv / "bin")


def test_jupyters_python_is_found_when_python3_on_path_has_no_jupyter(python_without_jupyter, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CNNLAB_PYTHON")}
    env["PATH"] = python_without_jupyter + os.pathsep + env["PATH"]
    env["CNNLAB_HOME"] = str(tmp_path / "home")
    chosen = chosen_python(env)
    assert chosen and not chosen.startswith(python_without_jupyter), chosen
    subprocess.run([chosen, "-c", "import jupyter_client, nbformat"], check=True)


def test_a_choice_made_before_jupyter_was_installed_does_not_stick(python_without_jupyter, tmp_path):
    # What ./start.sh's first run did: env.sh found no Jupyter and chose python3 on PATH; the set-up then
    # installed Jupyter, and the stale choice went on to install-kernel.sh.
    env = dict(os.environ, PATH=python_without_jupyter + os.pathsep + os.environ["PATH"],
               CNNLAB_PYTHON=os.path.join(python_without_jupyter, "python3"), CNNLAB_PYTHON_FOUND="auto",
               CNNLAB_HOME=str(tmp_path / "home"))
    chosen = chosen_python(env)
    subprocess.run([chosen, "-c", "import jupyter_client, nbformat"], check=True)


def test_a_python_the_user_chose_wins(python_without_jupyter):
    mine = os.path.join(python_without_jupyter, "python3")
    env = {k: v for k, v in os.environ.items() if k != "CNNLAB_PYTHON_FOUND"}
    env["CNNLAB_PYTHON"] = mine
    assert chosen_python(env) == mine


def test_the_venv_an_earlier_start_made_is_found_again(tmp_path):
    # A user without root got Jupyter with pip into $CNNLAB_HOME/venv on the first ./start.sh: every later run
    # must find it (and put its bin/ on PATH) instead of installing again. The venv here sees the system's
    # Jupyter through --system-site-packages, as a pip-filled one would hold its own.
    home = tmp_path / "cnnlab home"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--without-pip", "--system-site-packages",
                    str(home / "venv")], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CNNLAB_PYTHON")}
    env["CNNLAB_HOME"] = str(home)
    run = subprocess.run(["bash", "-c", 'source scripts/env.sh && printf "%s\\n%s" "$CNNLAB_PYTHON" "$PATH"'],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    chosen, path = run.stdout.split("\n", 1)
    assert chosen == str(home / "venv" / "bin" / "python"), run.stdout
    assert path.split(os.pathsep)[0] == str(home / "venv" / "bin"), path
