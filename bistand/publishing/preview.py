"""Build one chapter alone, quickly, to see a change on its page: ``python -m bistand.publishing.preview chapters/x.ipynb``.

The chapter becomes the root of a one-page book (its own table of contents, the book's
``_config.yml``) built into ``_build/preview/<chapter>/html``. Links to other chapters and the
bibliography are not there, so this build is not strict; ``make book`` builds (strictly) the whole book.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bistand import ROOT


def preview(chapter: str, root: Path = ROOT) -> Path:
    """Build ``chapter`` (e.g. ``chapters/strangnas.ipynb``) alone; return the path of its HTML page."""
    name = Path(chapter).with_suffix("").as_posix()
    out = root / "_build" / "preview" / Path(name).name
    out.mkdir(parents=True, exist_ok=True)
    toc = out / "_toc.yml"
    toc.write_text(f"format: jb-book\nroot: {name}\n", encoding="utf-8")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jupyter_book), "build", str(root), "--builder", "html", "--toc", str(toc),
                    "--path-output", str(out), "--quiet"], check=True, cwd=root)
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
