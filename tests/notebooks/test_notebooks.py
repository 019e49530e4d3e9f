"""Every course notebook runs top to bottom on the installed "Java (cnnlab)" kernel through nbclient, the
client nbconvert uses, with no error output: a failed check cell (one that throws) fails the test."""
import glob
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))


def test_there_is_a_course():
    assert len(NOTEBOOKS) >= 8, NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=os.path.basename)
def test_notebook_runs_without_errors(path, executed_notebook):
    # Run once per session (tests/conftest.py), shared with the exported-HTML test.
    nb = executed_notebook(path)
    errors = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}\n{cell.source[:300]}")
    assert not errors, "\n\n".join(errors)
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code_cells), "some code cells did not run"
