"""The built launchers, run from a folder whose path holds spaces, with none of cnnlab's settings in the
environment: the kernel (through jupyter_client) and cnnlab-jshell get the settings of cnn-api's one settings
file, and cnnlab-jshell runs java and jshell of the same JDK."""
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = os.path.join(ROOT, "kernel", "target")
SETTINGS = os.path.join(ROOT, "cnn-api", "src", "main", "resources", "org", "cnnlab", "runtime", "settings.properties")
PROBE = ('System.getenv("MALLOC_MMAP_THRESHOLD_") + "|" + System.getenv("MALLOC_TRIM_THRESHOLD_") + "|" '
         '+ System.getenv("OMP_WAIT_POLICY") + "|" '
         '+ System.getProperty("ai.djl.offline") + "|" + System.getProperty("OPT_OUT_TRACKING")')


def settings(prefix):
    found = {}
    with open(SETTINGS) as f:
        for line in f:
            line = line.strip()
            if line.startswith(prefix):
                key, value = line[len(prefix):].split("=", 1)
                found[key] = value
    return found


def expected_probe():
    env, props = settings("environment."), settings("property.")
    return "|".join([env["MALLOC_MMAP_THRESHOLD_"], env["MALLOC_TRIM_THRESHOLD_"], env["OMP_WAIT_POLICY"],
                     props["ai.djl.offline"], props["OPT_OUT_TRACKING"]])


def clean_env():
    names = set(settings("environment.")) | {"CNNLAB_JAVA", "JUPYTER_PATH"}
    return {k: v for k, v in os.environ.items() if k not in names}


@pytest.fixture
def spaced(tmp_path):
    if not os.path.isfile(os.path.join(TARGET, "kernelspec", "cnnlab", "kernel.json")):
        pytest.fail("kernel/target/kernelspec is missing: run `mvn -B -ntp install` first (./test.sh does)")
    folder = tmp_path / "a folder with spaces"
    shutil.copytree(os.path.join(TARGET, "kernelspec"), folder / "kernelspec")
    shutil.copy2(os.path.join(TARGET, "cnnlab-jshell"), folder / "cnnlab-jshell")
    return folder


def test_the_kernel_starts_from_a_path_with_spaces_with_the_settings_file(spaced, tmp_path):
    prefix = tmp_path / "jupyter prefix"
    env = clean_env()
    subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "install", "--prefix", str(prefix),
                    "--name", "cnnlab-spaced", str(spaced / "kernelspec" / "cnnlab")], check=True, env=env,
                   capture_output=True)
    script = f"""
import os, sys
os.environ["JUPYTER_PATH"] = {str(prefix / "share" / "jupyter")!r}
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="cnnlab-spaced", startup_timeout=300)
try:
    results = []
    kc.execute_interactive({PROBE!r}, timeout=120,
        output_hook=lambda m: results.append(m["content"]["data"]["text/plain"]) if m["msg_type"] == "execute_result" else None)
    print("RESULT=" + results[0])
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
"""
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"RESULT={expected_probe()}" in run.stdout, run.stdout


def test_cnnlab_jshell_runs_from_a_path_with_spaces_with_the_settings_file(spaced):
    run = subprocess.run([str(spaced / "cnnlab-jshell"), "-q"], input=f"System.out.println({PROBE})\n/exit\n",
                         env=clean_env(), capture_output=True, text=True, timeout=600, cwd=spaced)
    assert run.returncode == 0, run.stdout + run.stderr
    assert expected_probe() in run.stdout, run.stdout + run.stderr


def test_cnnlab_jshell_refuses_a_java_without_jshell_beside_it(spaced, tmp_path):
    # A JRE-like folder: a java, no jshell next to it. Running one JDK's java with another's jshell (or none)
    # would break the start-up script; the launcher says what it got and how to fix it, before starting any.
    jre = tmp_path / "jre" / "bin"
    jre.mkdir(parents=True)
    shutil.copy2(os.path.realpath(shutil.which("java")), jre / "java")
    env = dict(clean_env(), CNNLAB_JAVA=str(jre / "java"))
    run = subprocess.run([str(spaced / "cnnlab-jshell"), "-q"], input="/exit\n", env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{jre / 'java'} has no jshell beside it" in run.stderr, run.stderr
    assert "CNNLAB_JAVA" in run.stderr and "JDK" in run.stderr
