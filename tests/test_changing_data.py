"""The README's "Changing the data" steps, performed on a copy of the repository with a changed figure.

Kept cheap: `make update NOTEBOOKS=chapters/strangnas.ipynb` re-executes one notebook, and
`python -m bistand.publishing.preview` builds that one chapter (about a minute on two cores in all).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bistand.publishing.update import changelog_line, missing_changelog_lines
from conftest import ROOT, edit_cell


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(args: list[str], copy: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    return subprocess.run(args, cwd=copy, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.edition_figures
def test_readme_steps_carry_a_changed_figure_to_its_page(repo_copy):
    copy, before = repo_copy, _sha(ROOT / "data" / "figures_primary.csv")
    primary = copy / "data" / "figures_primary.csv"

    # Step 1, a typo: the value no longer matches its own words, and make update stops at validation.
    line = edit_cell(primary, "str_paid_2021_str2022web", "value", "62.7")
    typo = _run(["make", "--no-print-directory", "update", "NOTEBOOKS=chapters/strangnas.ipynb"], copy)
    assert typo.returncode != 0
    assert f'data/figures_primary.csv:{line}:value: 62.7 does not match "26,7 miljoner kronor"' in typo.stderr
    assert "make update stopped at validation" in typo.stderr
    assert "execute notebooks" not in typo.stdout

    # Step 1, a figure and words the captured source does not say: make update stops, naming the capture.
    edit_cell(primary, "str_paid_2021_str2022web", "value", "27.4")
    edit_cell(primary, "str_paid_2021_str2022web", "quote", "27,4 miljoner kronor")
    unsourced = _run(["make", "--no-print-directory", "update", "NOTEBOOKS=chapters/strangnas.ipynb"], copy)
    assert unsourced.returncode != 0
    assert (
        f'data/figures_primary.csv:{line}:quote: "27,4 miljoner kronor" is not in paragraph 6 of '
        "sources/004_02a1b5d88e3ca3ca.txt"
    ) in unsourced.stderr
    assert "nothing was written" in unsourced.stderr and "execute notebooks" not in unsourced.stdout

    # An edited capture is refused: a capture is never edited.
    capture = copy / "sources" / "004_02a1b5d88e3ca3ca.txt"
    text = capture.read_text(encoding="utf-8")
    assert text.count("26,7 miljoner kronor") == 1
    capture.write_text(text.replace("26,7 miljoner kronor", "27,4 miljoner kronor"), encoding="utf-8")
    edited = _run(["make", "--no-print-directory", "validate"], copy)
    assert edited.returncode != 0
    assert (
        "sources/004_02a1b5d88e3ca3ca.txt:-:-: differs from its sha256 in sources/MANIFEST.csv (line 6): a "
        "capture is never edited"
    ) in edited.stderr
    capture.write_text(text, encoding="utf-8")

    # Step 1, done right: the source itself was corrected, so its new text is recorded as a new capture (make
    # capture), the source points at it, and the figure and its words follow it.
    page = copy / "page-2026-12-06.txt"
    page.write_text(text.replace("26,7 miljoner kronor", "27,4 miljoner kronor"), encoding="utf-8")
    recorded = _run(
        ["make", "--no-print-directory", "capture", f"FILE={page}", "SOURCE=str2022web", "CAPTURED_ON=2026-12-06"], copy
    )
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    name = re.search(r"recorded sources/(\S+) with its row", recorded.stdout)[1]
    edit_cell(copy / "data" / "sources.csv", "str2022web", "capture", name)

    # Step 2: make update derives, validates, records hashes, re-executes the notebook, prints CHANGELOG lines.
    update = _run(["make", "--no-print-directory", "update", "NOTEBOOKS=chapters/strangnas.ipynb"], copy)
    assert update.returncode == 0, update.stdout + update.stderr
    digest = "sha256:" + _sha(primary)
    assert changelog_line("figures_primary.csv", digest) in update.stdout.splitlines()
    assert '"27.4"' in (copy / "chapters" / "strangnas.ipynb").read_text(encoding="utf-8")
    assert "  chapters/strangnas.ipynb str_paid_2021: 26.7 -> 27.4" in update.stdout.splitlines()
    assert "run `make accept`" in update.stdout
    # Only the Strängnäs chapter was re-executed: make book refuses the others, naming make update.
    refused = _run([sys.executable, "-m", "bistand.publishing.notebooks", "--check"], copy)
    assert refused.returncode == 1 and "run `make update`" in refused.stderr
    assert "chapters/strangnas.ipynb" not in refused.stderr
    first = refused.stderr.splitlines()[0]  # every other chapter, in one line: one reason
    assert "chapters/index.ipynb, " in first and first.endswith(
        ": its stored outputs were computed from other data (figures_primary.csv, sources.csv changed since)"
    )

    # Step 3: the printed lines go into CHANGELOG.md; then nothing is missing there.
    printed = [line for line in update.stdout.splitlines() if line.startswith("- `")]
    with open(copy / "CHANGELOG.md", "a", encoding="utf-8") as handle:
        handle.write(
            "\n## Unreleased (test)\n\nstr_paid_2021_str2022web: 26.7 -> 27.4.\n\n" + "\n".join(printed) + "\n"
        )
    assert missing_changelog_lines(copy / "data") == []
    assert _run([sys.executable, "-m", "bistand.data.validate"], copy).returncode == 0

    # Step 4: the chapter, built, shows the new value where it showed the old.
    built = _run([sys.executable, "-m", "bistand.publishing.preview", "chapters/strangnas.ipynb"], copy)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    page = copy / "_build" / "preview" / "strangnas" / "_build" / "html" / "chapters" / "strangnas.html"
    html = page.read_text(encoding="utf-8")
    assert '<span class="pasted-text">27.4</span>' in html
    assert '<span class="pasted-text">26.7</span>' not in html

    assert _sha(ROOT / "data" / "figures_primary.csv") == before  # the checkout itself was not touched


def test_make_update_stops_at_a_broken_rule(data_copy, capsys):
    from bistand.publishing.update import run

    line = edit_cell(
        data_copy / "figures_primary.csv", "lkp_paid_2021_01_lkp2024pr", "rule", "lkp_paid_2024_01_lkp2024pr - nosuch"
    )
    before = (data_copy / "figures_primary.csv").read_bytes()
    assert run(notebooks=[Path("never-run.ipynb")], data_dir=data_copy) == 1
    err = capsys.readouterr().err
    # Caught by the validation that runs before derive writes anything, with the row and column.
    assert err.splitlines() == [
        f"data/figures_primary.csv:{line}:rule: rule 'lkp_paid_2024_01_lkp2024pr - nosuch' refers to unknown figure 'nosuch'",
        "make update stopped at validation: 1 problem(s); nothing was written. Fix them and run it again",
    ]
    assert (data_copy / "figures_primary.csv").read_bytes() == before


def test_every_data_file_hash_is_in_the_changelog():
    """CHANGELOG.md lists the current sha256 of every data file (the README's step 3)."""
    assert missing_changelog_lines() == []
