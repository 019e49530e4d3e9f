"""Kernel speed, through jupyter_client: launch -> first kernel_info reply, the first `1+1` right after start
and right after a restart, and median round trips of `1+1` and of a small class definition, for cnnlab and
Debian's ipykernel in the same run.

    source scripts/env.sh && $CNNLAB_PYTHON bench/kernel/bench.py [--starts 5] [--trips 30]

Installs the built kernelspec into a temporary prefix; one unmeasured start/shutdown first lets the
launcher write its AppCDS archive, as the first session of a fresh install does.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[2]
CODE = {
    "cnnlab": {"1+1": "1+1", "class": "class P { int x = 1; int twice() { return 2 * x; } }"},
    "python3": {"1+1": "1+1", "class": "class P:\n    x = 1\n    def twice(self): return 2 * self.x"},
}


def start_time(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    elapsed = time.perf_counter() - t0
    return km, kc, elapsed


def round_trip(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == "idle":
            break
    kc.get_shell_msg(timeout=60)
    return time.perf_counter() - t0


def measure(name, starts, trips):
    start_times, one, cls, first, restarted = [], [], [], [], []
    for i in range(starts):
        km, kc, t = start_time(name)
        start_times.append(t)
        first.append(round_trip(kc, CODE[name]["1+1"]))
        if i == 0:
            for _ in range(trips):
                one.append(round_trip(kc, CODE[name]["1+1"]))
                cls.append(round_trip(kc, CODE[name]["class"]))
        km.restart_kernel()
        kc.wait_for_ready(timeout=60)
        restarted.append(round_trip(kc, CODE[name]["1+1"]))
        kc.stop_channels()
        km.shutdown_kernel()
    return {"start": statistics.median(start_times), "first": statistics.median(first),
            "restart": statistics.median(restarted), "1+1": statistics.median(one),
            "class": statistics.median(cls)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--starts", type=int, default=5)
    p.add_argument("--trips", type=int, default=30)
    args = p.parse_args()
    prefix = tempfile.mkdtemp(prefix="cnnlab-bench-")
    subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "install", "--prefix", prefix,
                    "--name", "cnnlab", str(ROOT / "kernel/target/kernelspec/cnnlab")], check=True,
                   capture_output=True)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    os.environ["CNNLAB_CDS_DUMP"] = "1"
    km, kc, _ = start_time("cnnlab")  # writes the CDS archive at shutdown, as install-kernel.sh does
    round_trip(kc, "1+1")
    round_trip(kc, CODE["cnnlab"]["class"])
    kc.stop_channels()
    km.shutdown_kernel()
    del os.environ["CNNLAB_CDS_DUMP"]
    results = {name: measure(name, args.starts, args.trips) for name in ("cnnlab", "python3")}
    c, py = results["cnnlab"], results["python3"]
    print(f"{'':30}{'cnnlab':>10}{'ipykernel':>11}{'ratio':>8}")
    for key, label in [("start", "launch -> kernel_info (s)"), ("first", "first 1+1 after start (s)"),
                       ("restart", "first 1+1 after restart (s)"), ("1+1", "1+1 round trip (ms)"),
                       ("class", "class definition (ms)")]:
        scale = 1 if key in ("start", "first", "restart") else 1000
        print(f"{label:30}{c[key] * scale:10.3f}{py[key] * scale:11.3f}{c[key] / py[key]:8.2f}")
    cds = Path(prefix, "share/jupyter/kernels/cnnlab/cnnlab.jsa")
    print(f"AppCDS archive: {'yes' if cds.exists() else 'no'}; {os.cpu_count()} cores; medians of "
          f"{args.starts} starts and {args.trips} round trips")


if __name__ == "__main__":
    main()
