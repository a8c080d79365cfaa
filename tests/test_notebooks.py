"""The notebooks in notebooks/ execute from top to bottom (nbclient, the venv's kernel), and
are committed without outputs.

They share the fixtures parsed once for the review tests (``PLANPARSE_OUT``; the notebooks
parse with ``--resume``, so only what is missing is parsed). Executed copies are kept under
out/review-test/notebooks/ for a look.

``python -m tests.test_notebooks`` (from the repository root) clears the outputs of every
notebook before a commit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest

from tests.review.common import KEEP, parsed_fixtures

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
# Plots each notebook must draw (image outputs), at least.
PLOTS = {"quickstart.ipynb": 0, "compare-municipalities.ipynb": 3, "accuracy.ipynb": 3}


def test_the_three_notebooks_are_there() -> None:
    assert set(PLOTS) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    dirty = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{name}: cells {dirty} have outputs; clear them before committing"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    # The kernel runs this interpreter (the venv's) and finds its `planparse` command.
    venv_bin = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", venv_bin + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("PLANPARSE_OUT", str(parsed_fixtures()))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        nb,
        timeout=900,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    images = sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if "image/png" in out.get("data", {})
    )
    assert images >= PLOTS.get(name, 0), f"{name}: {images} plots"
    keep = KEEP / "notebooks"
    keep.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, keep / name)
    print(f"executed: {keep / name} ({images} plots)")


def strip_outputs(path: Path) -> bool:
    """Clear a notebook's outputs and execution counts in place; True when it changed."""
    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
            cell.outputs, cell.execution_count, changed = [], None, True
    if changed:
        nbformat.write(nb, path)
    return changed


if __name__ == "__main__":
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        print(f"{'cleared' if strip_outputs(path) else 'clean  '} {path}")
