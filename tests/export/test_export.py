"""Exported HTML shows every picture. Each course notebook, run once on the installed kernel, is written as
HTML by the same code as `./start.sh --execute` (scripts/export_html.py), opened offline in headless
Chromium, and every picture on the page must have visible content: nbconvert's own choice (SVG before PNG,
then its HTML cleaner) left the LeNet-5 diagram an empty box."""
import glob
import json
import os
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
PICTURE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import export_html  # noqa: E402  (scripts/ is not a package: the exporter start.sh runs)


def pictures_in(nb):
    """How many outputs of nb carry a picture (and no HTML of their own, which is shown instead)."""
    return sum(1 for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
               if any(t in out.get("data", {}) for t in PICTURE_TYPES) and "text/html" not in out.get("data", {}))


def check_pictures(page):
    if not shutil.which("node") or not os.path.isdir(os.path.join(ROOT, "tests", "browser", "node_modules",
                                                                    "playwright-core")):
        pytest.fail("the export test needs Node.js and `npm ci` in tests/browser (./test.sh does both)")
    run = subprocess.run(["node", os.path.join(HERE, "check-pictures.mjs"), page], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=os.path.basename)
def test_every_picture_of_the_exported_page_has_visible_content(path, executed_notebook):
    nb = executed_notebook(path)
    out_dir = os.path.join(ROOT, "out", "export")
    os.makedirs(out_dir, exist_ok=True)
    page = export_html.export(nb, os.path.join(out_dir, os.path.basename(path)[:-len(".ipynb")] + ".html"))
    report = check_pictures(page)
    broken = [p for p in report["pictures"] if not p["ok"]]
    assert not broken, f"{page}: pictures without visible content: {broken}"
    shown = [p for p in report["pictures"] if p["ok"] and p["kind"] in ("img", "svg")]
    expected = pictures_in(nb)
    assert len(shown) >= expected, f"{page}: {expected} picture outputs in the notebook, {len(shown)} shown"


def picture_notebook():
    """One output carrying the same small picture as SVG and as PNG, as every cnnlab diagram does."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4"><rect width="8" height="4" fill="#c00"/>' \
          '<rect width="4" height="4" fill="#00c"/></svg>'
    png = "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAFElEQVR4nGM4wcAAR0jMEwzUkwAA4qAZAXBzO2QAAAAASUVORK5CYII="
    return new_notebook(cells=[new_code_cell("picture", outputs=[
        new_output("display_data", data={"image/svg+xml": svg, "image/png": png, "text/plain": "a picture"})])]), png


def test_the_exporter_prefers_png_to_svg(tmp_path):
    nb, png = picture_notebook()
    page = export_html.export(nb, str(tmp_path / "picture.html"))
    body = open(page, encoding="utf-8").read()
    assert "data:image/png;base64," + png in body
    assert "<rect" not in body
    report = check_pictures(page)
    assert [p["kind"] for p in report["pictures"] if p["ok"]] == ["img"], report


def test_the_check_sees_the_empty_box_plain_nbconvert_makes(tmp_path):
    # Proves the browser check can fail: nbconvert's own priority picks the SVG and its cleaner strips the shapes.
    from nbconvert import HTMLExporter
    nb, _ = picture_notebook()
    body, _ = HTMLExporter().from_notebook_node(nb)
    page = tmp_path / "plain.html"
    page.write_text(body, encoding="utf-8")
    report = check_pictures(str(page))
    assert any(p["kind"] == "svg" and not p["ok"] for p in report["pictures"]), report


def test_plain_nbconvert_shows_the_png_with_the_config_the_set_up_installs(tmp_path):
    # scripts/setup.sh runs `export_html.py --configure` on Jupyter's config folder: then a user's own
    # `jupyter nbconvert --to html` picks the PNG as well.
    import nbformat
    nb, png = picture_notebook()
    source = tmp_path / "picture.ipynb"
    nbformat.write(nb, str(source))
    config = tmp_path / "jupyter config"
    export_html.configure(str(config))
    env = dict(os.environ, JUPYTER_CONFIG_PATH=str(config), JUPYTER_CONFIG_DIR=str(tmp_path / "no user config"))
    run = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", str(source)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    page = tmp_path / "picture.html"
    assert "data:image/png;base64," + png in page.read_text(encoding="utf-8")
    assert [p["kind"] for p in check_pictures(str(page))["pictures"] if p["ok"]] == ["img"]


def test_configure_keeps_a_users_own_order(tmp_path):
    own = {"NbConvertBase": {"display_data_priority": ["text/plain"]}, "Other": {"x": 1}}
    (tmp_path / "jupyter_nbconvert_config.json").write_text(json.dumps(own))
    export_html.configure(str(tmp_path))
    assert json.loads((tmp_path / "jupyter_nbconvert_config.json").read_text()) == own
