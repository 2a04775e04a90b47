"""Build one chapter alone, quickly, to see a change on its page: ``python -m bistand.publishing.preview chapters/x.ipynb``.

The chapter becomes the root of a one-page book (its own table of contents, the book's
``_config.yml``) built into ``_build/preview/<chapter>/html``. Links to other chapters and the
bibliography are not there, so this build is not strict; ``make book`` builds (strictly) the whole book.
Values the chapter pastes from other notebooks (``{glue:text}`other.ipynb::name```) are there: the preview
writes the other notebooks' glue caches from their stored outputs first (:func:`write_glue_caches`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bistand import ROOT

#: The warnings a one-chapter build gives by design, silenced with Sphinx's own setting (``suppress_warnings``):
#: links to the other chapters (``ref.doc``) and citations of the bibliography page (sphinxcontrib-bibtex's
#: ``bibtex.key_not_found``), which are not in it. Any other warning still shows.
EXPECTED_IN_PREVIEW = ["ref.doc", "bibtex.key_not_found"]


def preview_config(root: Path = ROOT) -> str:
    """The book's ``_config.yml`` with the preview's expected warnings suppressed."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    sphinx = config.setdefault("sphinx", {})
    # Jupyter Book reads the folders of local extensions from the configuration file's own folder.
    sphinx["local_extensions"] = {
        name: str((root / folder).resolve()) for name, folder in (sphinx.get("local_extensions") or {}).items()
    }
    sphinx_config = sphinx.setdefault("config", {})
    sphinx_config["suppress_warnings"] = [*sphinx_config.get("suppress_warnings", []), *EXPECTED_IN_PREVIEW]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def preview_toc(docname: str) -> str:
    """A table of contents whose one page, the root, is ``docname`` (``chapters/strangnas``), written by PyYAML."""
    import yaml

    return yaml.safe_dump({"format": "jb-book", "root": docname}, sort_keys=False)


def write_glue_caches(output_folder: Path, chapter: str, root: Path = ROOT) -> list[Path]:
    """Write, for each notebook beside ``chapter`` (not itself), the glue cache MyST-NB writes when it reads that
    notebook (``<output_folder>/chapters/<name>.glue.json``: the glued outputs by name, as
    :func:`myst_nb.ext.glue.extract_glue_data_cell` gives them), so that the one-page build finds the values the
    chapter pastes from them. Returns the files written."""
    import json

    import nbformat
    from myst_nb.ext.glue import extract_glue_data_cell

    page = (root / chapter).resolve()
    written = []
    for notebook in sorted(page.parent.glob("*.ipynb")):
        if notebook == page:
            continue
        cells = nbformat.read(notebook, as_version=4).cells
        data = {
            key: output for cell in cells if cell.cell_type == "code" for key, output in extract_glue_data_cell(cell)
        }
        target = output_folder / notebook.relative_to(root).with_suffix(".glue.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data), encoding="utf-8")
        written.append(target)
    return written


def preview(chapter: str, root: Path = ROOT) -> Path:
    """Build ``chapter`` (e.g. ``chapters/strangnas.ipynb``) alone; return the path of its HTML page."""
    name = Path(chapter).with_suffix("").as_posix()
    out = root / "_build" / "preview" / Path(name).name
    out.mkdir(parents=True, exist_ok=True)
    toc = out / "_toc.yml"
    toc.write_text(preview_toc(name), encoding="utf-8")
    config = out / "_config.yml"
    config.write_text(preview_config(root), encoding="utf-8")
    write_glue_caches(out / "_build" / "jupyter_execute", chapter, root)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run(
        [
            str(jupyter_book),
            "build",
            str(root),
            "--builder",
            "html",
            "--toc",
            str(toc),
            "--config",
            str(config),
            "--path-output",
            str(out),
            "--quiet",
        ],
        check=True,
        cwd=root,
    )
    return out / "_build" / "html" / f"{name}.html"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m bistand.publishing.preview chapters/NAME.ipynb", file=sys.stderr)
        return 2
    try:
        page = preview(args[0])
    except subprocess.CalledProcessError as error:
        print(f"preview build failed (exit {error.returncode})", file=sys.stderr)
        return 1
    print(f"built {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
