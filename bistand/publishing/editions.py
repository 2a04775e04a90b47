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
from bistand.publishing.i18n import SWEDISH_HTML

BUILD = ROOT / "_build"
LOCALES = "locales"
#: One catalogue per page (locales/sv/LC_MESSAGES/chapters/limits.po), not one for the whole chapters/ folder.
CATALOGUE_SETTINGS = {"gettext_compact": False}
#: Where each edition is published: under the English site. It is built beside it (_build/sv/html), because MyST-NB
#: writes its glue cache and notebook copies to OUTDIR/../jupyter_execute (myst_nb/sphinx_ext.py:173), which would
#: put them inside the English site; then copied in.
EDITIONS = {"sv": BUILD / "html" / "sv"}


#: A reader-facing output in Swedish (:mod:`bistand.publishing.twins`), stored beside its English ``text/html`` in the
#: same output: the Swedish edition prefers it (``nb_mime_priority_overrides`` below), the English one never selects
#: it (not in MyST-NB's priority list for html).


class SwedishOutputs:
    """MyST-NB mime render plugin (entry point ``myst_nb.mime_renderers``): renders :data:`SWEDISH_HTML` as HTML."""

    mime_priority_overrides: tuple[tuple[str, str, int | None], ...] = ()

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        return renderer.render_text_html(data) if data.mime_type == SWEDISH_HTML else None


def build(builder: str, outdir: Path, doctrees: Path, overrides: dict) -> int:
    """Run jupyter-book's Sphinx build of the book as ``make book`` does (strict: -W -n --keep-going)."""
    from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(
        ROOT,
        outdir,
        noconfig=True,
        path_config=ROOT / "_config.yml",
        # as `jupyter-book build` sets them (jupyter_book/cli/main.py)
        confoverrides={
            "external_toc_path": (ROOT / "_toc.yml").as_posix(),
            "latex_individualpages": False,
            "nitpicky": True,
            **overrides,
        },
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
    import shutil

    overrides = {
        "language": language,
        "locale_dirs": [LOCALES],
        "nb_mime_priority_overrides": [("html", SWEDISH_HTML, 0)],
        **CATALOGUE_SETTINGS,
    }
    built = BUILD / language / "html"
    # The Vega bundle depends on the pinned vl-convert-python alone (bookext._write_vega keeps a file whose first
    # line names the version): start from the English build's, instead of bundling again (about 2 s).
    english_vega = BUILD / "html" / "_static" / "_vega"
    if english_vega.is_dir():
        shutil.copytree(english_vega, built / "_static" / "_vega", dirs_exist_ok=True)
    status = build("html", built, BUILD / language / ".doctrees", overrides)
    if status == 0:
        shutil.copytree(built, EDITIONS[language], dirs_exist_ok=True)
    return status


def english() -> int:
    """The English edition into _build/html, as `make book` builds it with jupyter-book's command line."""
    return build("html", BUILD / "html", BUILD / ".doctrees", {})


def main(argv: list[str]) -> int:
    if argv == ["gettext"]:
        return gettext()
    if argv == ["en"]:
        return english()
    if argv == ["all"]:  # one process: the second build reuses the imports of the first
        return english() or edition("sv")
    if len(argv) == 1 and argv[0] in EDITIONS:
        return edition(argv[0])
    print(f"usage: python -m bistand.publishing.editions gettext|{'|'.join(EDITIONS)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
