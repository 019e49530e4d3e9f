"""Turns a notebook into one HTML page whose pictures all show, optionally running it first on the
"Java (cnnlab)" kernel. Used by `./start.sh --execute` and by the export test (tests/export).

    python3 scripts/export_html.py [--execute] NOTEBOOK OUT_DIR
    python3 scripts/export_html.py --configure CONFIG_DIR   (what scripts/setup.sh runs)

Why not plain `jupyter nbconvert --to html`: nbconvert prefers an output's image/svg+xml over its image/png,
and its HTML cleaner strips an SVG's shapes, so a picture carrying both (every cnnlab diagram does; the SVG
is for live, trusted views) comes out as an empty box. Here PNG and JPEG come before SVG. The same option on
the command line: --NbConvertBase.display_data_priority (see PICTURE_PRIORITY). --configure writes it into
CONFIG_DIR/jupyter_nbconvert_config.json, so that plain `jupyter nbconvert` shows the PNG too, unless that
file already chooses an order of its own."""
import argparse
import json
import os
import sys

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

# nbconvert's HTML order, with the raster pictures moved ahead of SVG.
PICTURE_PRIORITY = [
    "application/vnd.jupyter.widget-view+json",
    "application/javascript",
    "text/html",
    "text/markdown",
    "image/png",
    "image/jpeg",
    "image/svg+xml",
    "text/latex",
    "text/plain",
]
KERNEL = "cnnlab"


def html_exporter():
    """nbconvert's HTML exporter, choosing PNG over SVG."""
    config = Config()
    config.NbConvertBase.display_data_priority = PICTURE_PRIORITY
    return HTMLExporter(config=config)


def run(nb, folder, timeout=1800):
    """Runs every cell of nb on the cnnlab kernel, in folder (as nbconvert --execute does)."""
    from nbclient import NotebookClient
    NotebookClient(nb, kernel_name=KERNEL, timeout=timeout,
                   resources={"metadata": {"path": folder}}).execute()
    return nb


def export(nb, html_path):
    """Writes nb as one self-contained HTML page (pictures embedded) at html_path."""
    body, _ = html_exporter().from_notebook_node(nb)
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(body)
    return html_path


def configure(config_dir):
    """Makes plain nbconvert prefer PNG to SVG, through its config file in config_dir; a user's own
    display_data_priority there is kept. Returns the file's path."""
    path = os.path.join(config_dir, "jupyter_nbconvert_config.json")
    config = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            config = json.load(f)
    section = config.setdefault("NbConvertBase", {})
    if "display_data_priority" not in section:
        section["display_data_priority"] = PICTURE_PRIORITY
        os.makedirs(config_dir, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(config, f, indent=2)
    return path


def main(argv):
    if argv[:1] == ["--configure"] and len(argv) == 2:
        print("nbconvert prefers PNG to SVG: " + configure(argv[1]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--execute", action="store_true", help="run the notebook first")
    parser.add_argument("notebook")
    parser.add_argument("out_dir")
    args = parser.parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)
    if args.execute:
        run(nb, os.path.dirname(os.path.abspath(args.notebook)))
    os.makedirs(args.out_dir, exist_ok=True)
    name = os.path.splitext(os.path.basename(args.notebook))[0] + ".html"
    print("written: " + export(nb, os.path.join(args.out_dir, name)))


if __name__ == "__main__":
    main(sys.argv[1:])
