"""cnnlab from JShell, for real: the launcher built by `mvn install` (kernel/target/cnnlab-jshell) is fed a
script on standard input, as a learner would type it, and its output and files are checked: show() prints
the picture's file and nothing else, animations and step views become files a browser opens, and the
first progress line reports a believable speed."""
import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, "kernel", "target", "cnnlab-jshell")

SCRIPT = """\
Architectures.leNet5(1, 28, 10).build().diagram().show()
var conv = ConvByHand.of(new int[][] {{1, 2, 0}, {0, 1, 3}, {2, 1, 0}}, new int[][] {{1, 0}, {0, 1}});
conv.animation().show()
conv.stepView(0, 0).show()
var data = Datasets.fashionMnistSample();
Seeds.set(1);
var net = Architectures.leNet5(1, 28, 10).build();
net.fit(data.train().take(640)).epochs(1).batchSize(64).run();
net.predict(data.test().image(0)).className()
checkEqual(4, 2 + 2, "the static imports of the start-up script are there")
/exit
"""


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    if not os.access(LAUNCHER, os.X_OK):
        pytest.fail(f"{LAUNCHER} is missing: build first (mvn install)")
    work = tmp_path_factory.mktemp("jshell")
    env = dict(os.environ, DISPLAY="", WAYLAND_DISPLAY="")
    done = subprocess.run([LAUNCHER, "-q"], input=SCRIPT, capture_output=True, text=True, cwd=work, env=env,
                          timeout=1800)
    return work, done.stdout, done.stderr


def test_show_prints_the_file_and_no_handle(session):
    work, out, err = session
    assert "Lambda" not in out and "==> org.cnnlab" not in out, out
    picture = work / "cnnlab-output" / "picture-1.png"
    assert picture.is_file(), out
    assert f"->  {picture}" in out, out


def test_animations_and_step_views_are_written_as_files(session):
    work, out, err = session
    files = sorted(p.name for p in (work / "cnnlab-output").iterdir())
    gifs = [f for f in files if f.endswith(".gif")]
    pages = [f for f in files if f.endswith(".html")]
    assert gifs and pages, (files, out)
    assert (work / "cnnlab-output" / gifs[0]).read_bytes()[:6] == b"GIF89a"
    assert "<!DOCTYPE html>" in (work / "cnnlab-output" / pages[0]).read_text()


def test_the_first_progress_line_reports_a_real_speed(session):
    work, out, err = session
    rates = [float(r.replace(",", "")) for r in re.findall(r"([\d,]+) img/s", out)]
    assert len(rates) >= 2, out
    first, epoch = rates[0], rates[-1]
    # The bug measured the first batch from the moment it ended: millions of images per second.
    assert first < 5 * epoch, (first, epoch, out)


def test_predicting_one_image_names_its_class(session):
    work, out, err = session
    names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    said = re.findall(r'\$\d+ ==> "([^"]*)"', out)
    assert said and said[-1] in names, out


def test_the_static_imports_of_the_start_up_script_are_there(session):
    # checkEqual comes from `import static org.cnnlab.Checks.*`, which the launcher once dropped as a missing package.
    work, out, err = session
    assert "cannot find symbol" not in out + err, out + err
    assert "✓ the static imports of the start-up script are there" in out, out + err
