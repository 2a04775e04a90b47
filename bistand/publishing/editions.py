"""The book's language editions (proof of concept for issue 26): the English edition at the root of
``_build/html``, the Swedish one under ``_build/html/sv``, both from the same sources and stored notebook outputs.

``python -m bistand.publishing.editions gettext`` extracts the message catalogues (``_build/gettext/**.pot``);
``python -m bistand.publishing.editions sv`` builds the Swedish edition with the catalogues in ``locales/``.
Each build has a doctree folder of its own: Sphinx refuses to share one between builders, and the Swedish
doctrees hold the translated text.

jupyter-book's command line has no ``-D`` and puts the doctrees beside the output, so this calls its
``build_sphinx`` (the function ``jupyter-book build`` calls) with the book's ``_config.yml`` and a few
overrides.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bistand import ROOT

BUILD = ROOT / "_build"
LOCALES = "locales"
#: One catalogue per page (locales/sv/LC_MESSAGES/chapters/limits.po), not one for the whole chapters/ folder.
CATALOGUE_SETTINGS = {"gettext_compact": False}
EDITIONS = {"sv": BUILD / "html" / "sv"}


def build(builder: str, outdir: Path, doctrees: Path, overrides: dict) -> int:
    """Run jupyter-book's Sphinx build of the book as ``make book`` does (strict: -W -n --keep-going)."""
    from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(
        ROOT,
        outdir,
        noconfig=True,
        path_config=ROOT / "_config.yml",
        # as `jupyter-book build` sets them (jupyter_book/cli/main.py)
        confoverrides={"external_toc_path": "_toc.yml", "latex_individualpages": False, "nitpicky": True, **overrides},
        doctreedir=doctrees,
        builder=builder,
        warningiserror=True,
        keep_going=True,
    )
    if isinstance(result, Exception):
        raise result
    return result


def gettext() -> int:
    """Extract every page's messages into _build/gettext (one .pot per page)."""
    return build("gettext", BUILD / "gettext", BUILD / ".doctrees-gettext", CATALOGUE_SETTINGS)


def edition(language: str) -> int:
    """Build one translated edition into _build/html/LANGUAGE."""
    overrides = {"language": language, "locale_dirs": [LOCALES], **CATALOGUE_SETTINGS}
    return build("html", EDITIONS[language], BUILD / f".doctrees-{language}", overrides)


def main(argv: list[str]) -> int:
    if argv == ["gettext"]:
        return gettext()
    if len(argv) == 1 and argv[0] in EDITIONS:
        return edition(argv[0])
    print(f"usage: python -m bistand.publishing.editions gettext|{'|'.join(EDITIONS)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
