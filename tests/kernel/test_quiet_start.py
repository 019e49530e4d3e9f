"""A normal start, a cell and a shutdown print nothing alarming on the kernel's stderr, which is the
terminal's and the Jupyter server's log (issue #9): not on the install's warm-up session (which writes the
start-up archive) nor on a start that uses it."""
import json
import os
import subprocess
from pathlib import Path

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

NOISE = ["WARNING", "setSecurityManager", "AllowArchivingWithJavaAgent", "testing purposes only",
         "still running at shutdown", "AutoNonVariableTypeMode", "Exception"]


def _session(spec_dir, tmp_path, name, extra_env):
    connection_file, _ = write_connection_file(str(tmp_path / f"{name}.json"))
    env = {**os.environ, **json.loads((spec_dir / "kernel.json").read_text()).get("env", {}), **extra_env}
    err_path = tmp_path / f"{name}.stderr"
    with open(err_path, "w") as err:
        process = subprocess.Popen(["/bin/sh", str(spec_dir / "launch.sh"), connection_file], stderr=err,
                                   stdout=subprocess.DEVNULL, env=env)
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.kernel_info()
        kc.get_shell_msg(timeout=120)
        # A short fit and a prediction: the engine's paths from Java memory into tensors run, where PyTorch
        # printed "AutoNonVariableTypeMode is deprecated" before.
        code = ("var quiet = Architectures.leNet5(1, 28, 10).build();\n"
                "var few = Datasets.fashionMnistSample().train().take(64);\n"
                "quiet.fit(few).epochs(1).batchSize(32).progress(false).run();\n"
                "System.out.println(quiet.predict(few.image(0)));")
        reply = kc.execute_interactive(code, timeout=300, output_hook=lambda m: None)
        assert reply["content"]["status"] == "ok", reply
        kc.shutdown()
        assert process.wait(timeout=120) == 0
    finally:
        kc.stop_channels()
        if process.poll() is None:
            process.kill()
    return err_path.read_text()


def test_start_cell_and_shutdown_print_no_warnings(tmp_path):
    installed = Path(KernelSpecManager().get_kernel_spec("cnnlab").resource_dir)
    # A private copy of the kernelspec (jars linked, not copied) so that this test writes its own archive.
    spec = tmp_path / "cnnlab"
    spec.mkdir()
    for item in installed.iterdir():
        if item.name == "cnnlab.jsa":
            continue
        if item.is_dir():
            (spec / item.name).symlink_to(item)
        else:
            (spec / item.name).write_bytes(item.read_bytes())
    warm_up = _session(spec, tmp_path, "dump", {"CNNLAB_CDS_DUMP": "1"})
    assert (spec / "cnnlab.jsa").exists(), "the warm-up session wrote no start-up archive"
    # The normal start logs where its classes came from (to a file: stderr stays checked for noise).
    loaded = tmp_path / "classes.txt"
    normal = _session(spec, tmp_path, "normal", {"CNNLAB_JAVA_OPTS": f"-Xlog:class+load=info:file={loaded}"})
    for label, text in (("warm-up (install) session", warm_up), ("normal start", normal)):
        found = [n for n in NOISE if n in text]
        assert not found, f"{label} printed {found}:\n{text}"
    # The JVM ignores a mismatching archive silently (it did, for a dump/use flag mismatch): prove it is used,
    # for the kernel's own classes and for the javac classes a first evaluation loads.
    shared = [line for line in loaded.read_text().splitlines() if "source: shared objects file (top)" in line]
    for cls in ("org.cnnlab.kernel.Main ", "com.sun.tools.javac.main.JavaCompiler "):
        assert any(cls in line for line in shared), f"{cls.strip()} was not loaded from the start-up archive"
