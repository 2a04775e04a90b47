"""The book's language editions (issue 26): English at the root of ``_build/html``, Swedish under ``_build/html/sv``,
both from the same sources and the same stored notebook outputs (no notebook is executed).

``python -m bistand.publishing.editions TARGET``, TARGET one of:

- ``all`` (``make book``): English and Swedish at the same time, in two processes that share the imports (one
  after the other on a machine with one CPU);
- ``en``: English alone (``make book EDITIONS=en``); ``sv``: Swedish alone (after English: it reuses its Vega bundle);
- ``gettext`` (``make catalogues``): every page's messages into ``_build/gettext/**.pot``, one catalogue per page.

jupyter-book's command line has no ``-D`` and puts every builder's doctrees in ``_build/.doctrees``, which Sphinx
refuses to share between builders ("This environment is incompatible with the selected builder"): so this calls its
``build_sphinx`` (the function ``jupyter-book build`` calls) with the book's ``_config.yml``, the overrides the
command line passes, each edition's overrides and a doctree folder per build. Strict as ``make book`` always was:
warnings are errors (-W -n --keep-going).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bistand import ROOT
from bistand.publishing.i18n import SWEDISH_HTML

BUILD = ROOT / "_build"
#: Where the catalogues are (``locales/sv/LC_MESSAGES/chapters/limits.po``), relative to the book's root.
LOCALES = "locales"
#: One catalogue per page (``chapters/limits.po``), not one for the whole ``chapters/`` folder
#: (``sphinx/builders/gettext.py``: ``gettext_compact``).
CATALOGUE_SETTINGS: dict[str, Any] = {"gettext_compact": False}
#: The translated editions, each published under the English site at ``html/LANGUAGE``.
TRANSLATED = ("sv",)
TARGETS = ("all", "en", *TRANSLATED, "gettext")


class SwedishOutputs:
    """MyST-NB mime render plugin (entry point ``myst_nb.mime_renderers``): renders :data:`SWEDISH_HTML` as HTML,
    and marks an HTML output that a translated edition shows in English (one without a Swedish twin: the appendix's
    tables of the data files, which are in English) as English, ``<div lang="en">``, so that a screen reader reads it
    as English and the test of the Swedish pages' running text knows it is English on purpose."""

    mime_priority_overrides: tuple[tuple[str, str, int | None], ...] = ()

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool) -> list | None:
        if data.mime_type == SWEDISH_HTML:
            return renderer.render_text_html(data)
        if data.mime_type == "text/html" and not inline and _edition_language(renderer) in TRANSLATED:
            return renderer.render_text_html(replace(data, content=f'<div lang="en">{data.string}</div>'))
        return None


def _edition_language(renderer: Any) -> str | None:
    """The language of the edition a MyST-NB renderer renders for (Sphinx sets docutils' ``language_code`` to the
    configuration's ``language``)."""
    return getattr(renderer.renderer.document.settings, "language_code", None)


@dataclass(frozen=True)
class Build:
    """One Sphinx build: the builder, where it writes, its own doctree folder and its configuration overrides."""

    builder: str
    outdir: Path
    doctrees: Path
    overrides: dict[str, Any] = field(default_factory=dict)
    #: Where a translated edition is copied once built (``html/sv``), or None.
    publish_to: Path | None = None


def english(build: Path = BUILD) -> Build:
    """The English edition, where ``jupyter-book build`` puts it (``_build/html``, doctrees ``_build/.doctrees``)."""
    return Build("html", build / "html", build / ".doctrees")


def translated(language: str, build: Path = BUILD) -> Build:
    """A translated edition. Built beside the English site (``_build/sv/html``) and then copied to ``html/sv``:
    MyST-NB writes its glue cache and notebook copies to ``OUTDIR/../jupyter_execute`` (``myst_nb/sphinx_ext.py``),
    which would put them inside the English site."""
    if language not in TRANSLATED:
        raise ValueError(f"no {language!r} edition: the translated editions are {', '.join(TRANSLATED)}")
    overrides = {
        "language": language,
        "locale_dirs": [LOCALES],
        "nb_mime_priority_overrides": [("html", SWEDISH_HTML, 0)],
        **CATALOGUE_SETTINGS,
    }
    return Build(
        "html", build / language / "html", build / language / ".doctrees", overrides, build / "html" / language
    )


def catalogues(build: Path = BUILD) -> Build:
    """The message extraction: ``_build/gettext/chapters/limits.pot`` for each page."""
    return Build("gettext", build / "gettext", build / ".doctrees-gettext", dict(CATALOGUE_SETTINGS))


def plan(target: str, build: Path = BUILD) -> list[Build]:
    """The builds a target runs, in order."""
    if target == "all":
        return [english(build), *(translated(language, build) for language in TRANSLATED)]
    if target == "en":
        return [english(build)]
    if target == "gettext":
        return [catalogues(build)]
    return [translated(target, build)]


def sphinx_arguments(build: Build, root: Path = ROOT) -> dict[str, Any]:
    """The keyword arguments of ``jupyter_book.sphinx.build_sphinx`` for a build: the overrides as ``jupyter-book
    build`` passes them (``jupyter_book/cli/main.py``; the same absolute toc path, or switching between it and this
    driver would re-read every page: "config changed ('external_toc_path')"), then the build's own."""
    return {
        "sourcedir": root,
        "outputdir": build.outdir,
        "noconfig": True,
        "path_config": root / "_config.yml",
        "confoverrides": {
            "external_toc_path": (root / "_toc.yml").as_posix(),
            "latex_individualpages": False,
            "nitpicky": True,
            **build.overrides,
        },
        "doctreedir": build.doctrees,
        "builder": build.builder,
        "warningiserror": True,
        "keep_going": True,
    }


def run(build: Build, root: Path = ROOT) -> int:
    """Run one build; copy a translated edition into the English site when it succeeded. Returns Sphinx's status."""
    from jupyter_book.sphinx import build_sphinx

    if build.publish_to is not None:
        reuse_vega(build.publish_to.parent, build.outdir)
    result = build_sphinx(**sphinx_arguments(build, root))
    if isinstance(result, Exception):  # build_sphinx returns, not raises, what Sphinx raised
        raise result
    if result == 0 and build.publish_to is not None:
        shutil.copytree(build.outdir, build.publish_to, dirs_exist_ok=True)
    return result


def reuse_vega(english_html: Path, outdir: Path) -> None:
    """Start a translated build from the English build's Vega bundle (about 2 s less): the bundle depends on the
    pinned vl-convert-python alone, and ``bookext._write_vega`` keeps a bundle whose first line names that version."""
    bundle = english_html / "_static" / "_vega"
    if bundle.is_dir():
        shutil.copytree(bundle, outdir / "_static" / "_vega", dirs_exist_ok=True)


def run_together(builds: list[Build], root: Path = ROOT, workers: int | None = None) -> int:
    """Run ``builds``; Sphinx's status, the first non-zero one. With more than one CPU (``workers``, by default
    ``os.cpu_count()``), each build after the first runs at the same time in a forked process (the editions share no
    file: each has its own output and doctree folder; a translated one is copied into the English site when it is
    done), its log printed after the first build's; with one CPU they run one after the other and stop at the first
    failure. The imports are made before the fork, so the processes share them."""
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 2 or len(builds) < 2:
        for build in builds:
            status = run(build, root)
            if status:
                return status
        return 0
    import jupyter_book.sphinx  # noqa: F401  (imported once, before the fork)

    children = [_fork(build, root) for build in builds[1:]]
    status = 1
    try:
        status = run(builds[0], root)
    finally:  # also when the first build raised: no child is left behind, and its log is shown
        for pid, log in children:
            child = _collect(pid, log)
            status = status or child
    return status


def _fork(build: Build, root: Path) -> tuple[int, Any]:
    """Start ``build`` in a forked process whose output goes to a temporary file: (its pid, the file)."""
    log = tempfile.TemporaryFile()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid, log
    code = 1
    try:  # the child: never returns
        for stream in (1, 2):  # what the build's subprocesses write, and what Python writes, go to the log
            os.dup2(log.fileno(), stream)
        sys.stdout = sys.stderr = open(log.fileno(), "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        code = run(build, root)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code if isinstance(code, int) and 0 <= code < 256 else 1)


def _collect(pid: int, log: Any) -> int:
    """Wait for a forked build, print its log, and return its exit status."""
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    log.seek(0)
    sys.stdout.write(log.read().decode("utf-8", errors="replace"))
    sys.stdout.flush()
    log.close()
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bistand.publishing.editions", description="Build the book's editions or its catalogues."
    )
    parser.add_argument("target", choices=TARGETS, help="all: both editions; en, sv: one; gettext: the catalogues")
    target = parser.parse_args(argv).target
    return run_together(plan(target))


if __name__ == "__main__":
    sys.exit(main())
