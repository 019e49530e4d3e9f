"""The explorers as a learner meets them: the cnnlab kernel (through a real jupyter_client) builds each
explorer on the learner's numbers and returns its display bundle; the bundle's HTML, exactly as a notebook
shows it, opens in headless Chromium, which Playwright drives: click the stride, padding, size and map
controls, hover output cells, click and hover feature maps. The numbers on screen must equal what the same
kernel says cnn-api computes for the same cell (Conv.byHand(...).step, Pool...step, net.activation), the
highlighted window must be the one cnn-api's walker gives, and no request may leave the page. The same
bundles with JavaScript off must still show their static picture.

Screenshots go to out/explore/ (docs/explore-*.png are copies of them)."""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SPEC = os.path.join(ROOT, "kernel", "target", "kernelspec", "cnnlab")
SHOTS = os.path.join(ROOT, "out", "explore")

# Java run in the kernel. Each case ends in an explorer (the cell's result, as a notebook would show it),
# and prints what cnn-api says for the cells the browser will hover: "EXPECT name key base64(text)".
SETUP = r"""
int[][] image = {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
int[][] kernel = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};
int[][] seven = new int[7][7];
for (int r = 0; r < 7; r++) for (int c = 0; c < 7; c++) seven[r][c] = (r * 3 + c * 5) % 7;
var rnd = new java.util.Random(7);
int[][][] rgb = new int[3][6][6];
for (int[][] ch : rgb) for (int[] row : ch) for (int x = 0; x < 6; x++) row[x] = rnd.nextInt(5);
int[][][][] bank = new int[2][3][3][3];
for (int[][][] f : bank) for (int[][] ch : f) for (int[] row : ch) for (int x = 0; x < 3; x++) row[x] = rnd.nextInt(3) - 1;
java.util.function.IntFunction<int[][]> ring = f -> { int[][] k = new int[f][f];
    for (int a = 0; a < f; a++) for (int b = 0; b < f; b++) k[a][b] = (a == 0 || b == 0 || a == f - 1 || b == f - 1) ? 1 : -1;
    return k; };
int[][] map = {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}};
void expect(String name, String key, Object text) {
    System.out.println("EXPECT " + name + " " + key + " "
        + java.util.Base64.getEncoder().encodeToString(String.valueOf(text).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
}
"""

CASES = {
    "conv": r"""
expect("conv", "s1p0-1-2", Conv.byHand(image, kernel).step(1, 2));
expect("conv", "s2p1-1-2", Conv.byHand(image, kernel).stride(2).pad(1).step(1, 2));
expect("conv", "s2p1-window", Conv.byHand(image, kernel).stride(2).pad(1).step(1, 2).windowPlace());
expect("conv", "s2p1-formula", org.cnnlab.geometry.SizeRule.formula(5, new org.cnnlab.geometry.Window(3, 2, 1)));
Explore.conv(Conv.byHand(image, kernel))
""",
    "nofit": r"""
var nofit = Conv.byHand(seven, kernel).stride(3);
expect("nofit", "problem", nofit.sliding().exactProblem());
expect("nofit", "dropped", nofit.floored().sliding().droppedRows() + "," + nofit.floored().sliding().droppedCols());
expect("nofit", "1-1", nofit.floored().step(1, 1));
Explore.conv(nofit)
""",
    "bank": r"""
var deep = Conv.byHand(rgb, bank).bias(1, -2);
expect("bank", "f2-1-1", deep.step(1, 1, 1));
expect("bank", "f1-3-0", deep.step(0, 3, 0));
Explore.conv(deep)
""",
    "sizes": r"""
expect("sizes", "F2-3-1", Conv.byHand(image, ring.apply(2)).step(3, 1));
expect("sizes", "F5-0-0", Conv.byHand(image, ring.apply(5)).step(0, 0));
Explore.conv(image, ring, 3)
""",
    "max": r"""
var mp = Pool.max(map, 2);
expect("max", "0-1", mp.step(0, 1));
var won = mp.step(0, 1);
for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) if (won.isWinner(a, b)) expect("max", "winner", (won.top() + a) + "," + (won.left() + b));
expect("max", "F3S1P1-2-3", Pool.max(map, 3).stride(1).pad(1).step(2, 3));
Explore.pool(mp)
""",
    "average": r"""
expect("average", "1-0", Pool.average(map, 2).step(1, 0));
Explore.pool(Pool.average(map, 2))
""",
    "network": r"""
Seeds.set(1);
var netData = Datasets.fashionMnistSample();
var lenet = Architectures.leNet5(1, 28, 10).build();
var shirt = netData.test().image(0);
try (var m = lenet.manager().newSubManager()) {
    var x = m.create(shirt[0]).reshape(1, 1, 28, 28);
    expect("network", "conv2-2-4-7", lenet.activation(x, "conv2").getFloat(0, 2, 4, 7));
    expect("network", "pool1-4-3-5", lenet.activation(x, "pool1").getFloat(0, 4, 3, 5));
}
Explore.network(lenet, shirt)
""",
}


@pytest.fixture(scope="module")
def kernel():
    if not os.path.exists(os.path.join(SPEC, "kernel.json")):
        pytest.fail(f"{SPEC} is missing: run `mvn -B -ntp install` first")
    prefix = tempfile.mkdtemp(prefix="cnnlab-explore-")
    subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "install", "--prefix", prefix,
                    "--name", "cnnlab", SPEC], check=True, capture_output=True)
    before = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    from jupyter_client.manager import start_new_kernel
    try:
        km, kc = start_new_kernel(kernel_name="cnnlab", startup_timeout=120)
    finally:
        # Later tests (the notebook server) find the kernel where test.sh put it, not in this throw-away prefix.
        if before is None:
            del os.environ["JUPYTER_PATH"]
        else:
            os.environ["JUPYTER_PATH"] = before
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    shutil.rmtree(prefix, ignore_errors=True)


def run(kc, code):
    """Runs a cell; returns (execute_result data, {key: expected text}); fails on an error."""
    msg_id = kc.execute(code)
    result, expected, errors, out = None, {}, [], []
    while True:
        m = kc.get_iopub_msg(timeout=300)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        t, c = m["msg_type"], m["content"]
        if t == "status" and c["execution_state"] == "idle":
            break
        if t == "execute_result":
            result = c["data"]
        elif t == "error":
            errors.append(c["ename"] + ": " + c["evalue"])
        elif t == "stream":
            out.append(c["text"])
    for line in "".join(out).splitlines():
        if line.startswith("EXPECT "):
            _, name, key, b64 = line.split(" ", 3)
            expected[key] = base64.b64decode(b64).decode("utf-8")
    assert not errors, errors
    return result, expected


def test_explorers_show_cnn_apis_numbers_in_a_real_browser(kernel):
    if not shutil.which("chromium") or not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        pytest.fail("the browser test needs Debian's chromium and `npm ci` in tests/browser (.ci/run does both)")
    run(kernel, SETUP)
    pages = Path(SHOTS) / "pages"  # kept, so that a person can open them
    pages.mkdir(parents=True, exist_ok=True)
    cases = {}
    for name, code in CASES.items():
        data, expected = run(kernel, code)
        assert data and "text/html" in data and "image/png" in data, f"{name}: the bundle lacks HTML or its PNG"
        assert data["text/plain"], name
        page = pages / f"{name}.html"
        # The bundle's HTML as a notebook front end inserts it: into a page it did not write.
        page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                        f"<div class='output_html'>{data['text/html']}</div></body></html>", encoding="utf-8")
        cases[name] = {"page": str(page), "expected": expected}
    spec = pages / "cases.json"
    spec.write_text(json.dumps({"cases": cases, "shots": SHOTS}))
    run_ = subprocess.run(["node", os.path.join(HERE, "explorers.mjs"), str(spec)],
                          capture_output=True, text=True, timeout=600)
    print(run_.stdout)
    assert run_.returncode == 0, run_.stdout + run_.stderr
    for name in ("conv", "nofit", "bank", "max", "network", "conv-nojs"):
        assert os.path.getsize(os.path.join(SHOTS, f"{name}.png")) > 5_000, name
