"""The editions driver (bistand/publishing/editions.py): its targets, and what it passes to jupyter-book's build.

Nothing is built here: ``jupyter_book.sphinx.build_sphinx`` is replaced by a recorder.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jupyter_book.sphinx
import pytest

from bistand.publishing import editions
from conftest import ROOT


class Recorder:
    """Stands in for ``build_sphinx``: records each call; writes a page into the output folder (``write``); returns
    ``status``."""

    def __init__(self, status: int | Exception = 0, write: bool = True):
        self.calls: list[dict] = []
        self.status, self.write = status, write

    def __call__(self, sourcedir, outputdir, **kwargs):
        self.calls.append({"sourcedir": Path(sourcedir), "outputdir": Path(outputdir), **kwargs})
        if self.write:
            Path(outputdir).mkdir(parents=True, exist_ok=True)
            (Path(outputdir) / "index.html").write_text("built", encoding="utf-8")
        return self.status


@pytest.fixture
def recorder(monkeypatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(jupyter_book.sphinx, "build_sphinx", recorder)
    return recorder


def test_the_english_build_gets_what_jupyter_book_build_passes(monkeypatch):
    """`make book` used to run `jupyter-book build . --builder html --warningiserror --nitpick --keep-going`: the
    driver's English build passes the same source, output, configuration and overrides (the same absolute toc path:
    otherwise switching between the two re-reads every page), so the English doctrees stay valid for both."""
    from click.testing import CliRunner
    from jupyter_book.cli.main import build

    recorder = Recorder(write=False)  # the real _build/html is not touched
    monkeypatch.setattr(jupyter_book.sphinx, "build_sphinx", recorder)
    result = CliRunner().invoke(
        build, [str(ROOT), "--builder", "html", "--warningiserror", "--nitpick", "--keep-going"]
    )
    assert result.exit_code == 0, result.output
    (cli,) = recorder.calls
    ours = editions.sphinx_arguments(editions.english())
    for name in ("sourcedir", "outputdir", "path_config"):
        assert Path(ours[name]) == Path(cli[name]), name
    for name in ("noconfig", "confoverrides", "builder", "keep_going"):
        assert ours[name] == cli[name], name
    assert ours["warningiserror"] is cli["warningiserror"] is True
    # build_sphinx's default doctree folder is OUTDIR/../.doctrees: the same one the driver names
    assert ours["doctreedir"] == Path(cli["outputdir"]).parent / ".doctrees"


def test_the_swedish_build_reads_the_catalogues_one_per_page_and_prefers_swedish_outputs():
    arguments = editions.sphinx_arguments(editions.translated("sv"))
    overrides = arguments["confoverrides"]
    assert overrides["language"] == "sv"
    assert overrides["locale_dirs"] == ["locales"] and (ROOT / "locales" / "sv" / "LC_MESSAGES").is_dir()
    assert overrides["gettext_compact"] is False
    assert overrides["nb_mime_priority_overrides"] == [("html", "application/vnd.bistand.sv+html", 0)]
    # and the English book's own overrides, strict as ever
    assert overrides["external_toc_path"] == (ROOT / "_toc.yml").as_posix() and overrides["nitpicky"] is True
    assert arguments["warningiserror"] is True and arguments["keep_going"] is True
    assert arguments["outputdir"] == ROOT / "_build" / "sv" / "html"


def test_the_catalogues_are_extracted_one_per_page():
    arguments = editions.sphinx_arguments(editions.catalogues())
    assert arguments["builder"] == "gettext"
    assert arguments["confoverrides"]["gettext_compact"] is False
    assert "language" not in arguments["confoverrides"]  # the messages are the English text


def test_every_build_has_a_doctree_folder_of_its_own(tmp_path):
    """Sphinx refuses a doctree folder another builder wrote, and the Swedish doctrees hold translated text."""
    builds = [build for target in editions.TARGETS for build in editions.plan(target, tmp_path)]
    by_folder = {build.doctrees: build for build in builds}
    assert len(by_folder) == 3  # en, sv, gettext
    assert len({build.outdir for build in by_folder.values()}) == 3


def test_targets_run_in_order_and_stop_at_the_first_failure(monkeypatch):
    ran: list[str] = []

    def fake_run(build: editions.Build, root: Path = ROOT) -> int:
        ran.append(build.overrides.get("language", build.builder))
        return 1 if build.builder == "html" and not build.overrides else 0

    monkeypatch.setattr(editions, "run", fake_run)
    monkeypatch.setattr(editions.os, "cpu_count", lambda: 1)  # one CPU: one build after the other
    assert editions.main(["gettext"]) == 0 and ran == ["gettext"]
    ran.clear()
    assert editions.main(["sv"]) == 0 and ran == ["sv"]
    ran.clear()
    assert editions.main(["all"]) == 1 and ran == ["html"]  # English failed: no Swedish build


def _fake_build(status: dict[str, int]):
    """A stand-in for ``run``: prints which edition it builds and returns its status (raises for "raise")."""

    def fake_run(build: editions.Build, root: Path = ROOT) -> int:
        language = build.overrides.get("language", "en")
        print(f"building {language}")
        if status[language] == -1:
            raise RuntimeError(f"{language} broke")
        return status[language]

    return fake_run


@pytest.mark.parametrize(("english", "swedish", "expected"), [(0, 0, 0), (0, 1, 1), (2, 0, 2), (1, 1, 1), (0, -1, 1)])
def test_with_two_cpus_both_editions_build_at_once_and_a_failure_of_either_fails(
    english, swedish, expected, monkeypatch, capfd
):
    """The Swedish build runs in a forked process (a real fork here) while English builds; its log follows
    English's; either status fails the whole, and an exception in the child is its failure, with its traceback."""
    monkeypatch.setattr(editions, "run", _fake_build({"en": english, "sv": swedish}))
    assert editions.run_together(editions.plan("all"), workers=2) == expected
    out, err = capfd.readouterr()
    assert out.index("building en") < out.index("building sv")  # the child's log is printed after English's
    assert ("RuntimeError: sv broke" in out) == (swedish == -1)


def test_an_exception_in_the_first_build_still_waits_for_the_others(monkeypatch, capfd):
    monkeypatch.setattr(editions, "run", _fake_build({"en": -1, "sv": 0}))
    with pytest.raises(RuntimeError, match="en broke"):
        editions.run_together(editions.plan("all"), workers=2)
    assert "building sv" in capfd.readouterr().out  # the child ran and its log was shown


@pytest.mark.parametrize("argv", [[], ["fr"], ["en", "sv"], ["--language", "sv"]])
def test_a_wrong_target_is_a_usage_error(argv, capsys, monkeypatch):
    monkeypatch.setattr(editions, "run", lambda build, root=ROOT: pytest.fail("nothing may be built"))
    with pytest.raises(SystemExit) as exit_:
        editions.main(argv)
    assert exit_.value.code == 2
    assert "all,en,sv,gettext" in capsys.readouterr().err.replace(" ", "").replace("'", "")


def test_an_edition_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="no 'fr' edition: the translated editions are sv"):
        editions.translated("fr")


def test_a_swedish_build_is_copied_under_the_english_site_with_the_english_vega_bundle(tmp_path, recorder):
    vega = tmp_path / "html" / "_static" / "_vega" / "vega.js"
    vega.parent.mkdir(parents=True)
    vega.write_text("// vl-convert 1.9.0.post1\n", encoding="utf-8")
    assert editions.run(editions.translated("sv", tmp_path)) == 0
    (call,) = recorder.calls
    assert call["outputdir"] == tmp_path / "sv" / "html" and call["doctreedir"] == tmp_path / "sv" / ".doctrees"
    assert (tmp_path / "sv" / "html" / "_static" / "_vega" / "vega.js").read_text(encoding="utf-8").startswith("//")
    assert (tmp_path / "html" / "sv" / "index.html").read_text(encoding="utf-8") == "built"


def test_a_failed_swedish_build_is_not_copied(tmp_path, monkeypatch):
    monkeypatch.setattr(jupyter_book.sphinx, "build_sphinx", Recorder(status=1))
    assert editions.run(editions.translated("sv", tmp_path)) == 1
    assert not (tmp_path / "html" / "sv").exists()


def test_an_exception_sphinx_raised_is_raised(tmp_path, monkeypatch):
    """build_sphinx returns what Sphinx raised instead of raising it: the driver raises it."""
    monkeypatch.setattr(jupyter_book.sphinx, "build_sphinx", Recorder(status=RuntimeError("theme not found")))
    with pytest.raises(RuntimeError, match="theme not found"):
        editions.run(editions.english(tmp_path))


def _renderer(language: str):
    class Renderer:
        renderer = SimpleNamespace(document=SimpleNamespace(settings=SimpleNamespace(language_code=language)))

        def render_text_html(self, data):
            return [f"html:{data.content}"]

    return Renderer()


def test_swedish_outputs_are_rendered_only_for_their_mime_type_and_english_ones_marked_english():
    from myst_nb.core.render import MimeData

    def render(language, mime_type, inline=False):
        return editions.SwedishOutputs.handle_mime(_renderer(language), MimeData(mime_type, "<p>x</p>"), inline)

    assert render("sv", editions.SWEDISH_HTML) == render("en", editions.SWEDISH_HTML) == ["html:<p>x</p>"]
    # an output without a Swedish twin is shown in English in the Swedish edition, marked as English
    assert render("sv", "text/html") == ['html:<div lang="en"><p>x</p></div>']
    # the English edition's outputs, and anything not HTML, are left to MyST-NB
    assert render("en", "text/html") is None and render("sv", "text/plain") is None
    assert render("sv", "text/html", inline=True) is None
