"""A clean build prints nothing that looks like a problem, so that a real warning is seen."""

from __future__ import annotations

import yaml

from bistand import ROOT
from bistand.publishing.preview import EXPECTED_IN_PREVIEW, preview_config
from conftest import glued_notebook


def test_the_preview_silences_only_the_warnings_a_one_chapter_build_gives_by_design():
    book = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load(preview_config())
    assert EXPECTED_IN_PREVIEW == ["ref.doc", "bibtex.key_not_found"]
    assert (
        config["sphinx"]["config"]["suppress_warnings"]
        == book["sphinx"]["config"].get("suppress_warnings", []) + EXPECTED_IN_PREVIEW
    )
    # The preview's configuration file lives elsewhere: the book's extensions are named by absolute path.
    assert config["sphinx"]["local_extensions"] == {
        name: str((ROOT / folder).resolve()) for name, folder in book["sphinx"]["local_extensions"].items()
    }
    book["sphinx"]["config"].pop("suppress_warnings", None)
    config["sphinx"]["config"].pop("suppress_warnings")
    config["sphinx"].pop("local_extensions"), book["sphinx"].pop("local_extensions")
    assert config == book  # nothing else differs


def test_a_notebook_runs_without_a_warning_and_its_outputs_are_stored(tmp_path, capfd):
    """ipykernel warned once per notebook that its kernel over TCP was not encrypted: the kernel talks over IPC."""
    import nbformat

    from bistand.publishing.notebooks import execute_in_place

    path = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), path)
    execute_in_place(path)
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"] == "42\n"
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")  # nothing printed: no warning, whatever its words


def test_the_preview_table_of_contents_is_the_one_chapter_as_jupyter_book_reads_it(tmp_path):
    """jupyter-book's own reader of _toc.yml (sphinx-external-toc) finds the chapter as the root and no other page."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    from bistand.publishing.preview import preview_toc

    toc = tmp_path / "_toc.yml"
    toc.write_text(preview_toc("chapters/strangnas"), encoding="utf-8")
    site_map = parse_toc_yaml(toc)
    assert (site_map.file_format, site_map.root.docname, list(site_map)) == (
        "jb-book",
        "chapters/strangnas",
        ["chapters/strangnas"],
    )
    toc.write_text(preview_toc("chapters/a: b #1"), encoding="utf-8")  # YAML's own characters in a name stay text
    assert parse_toc_yaml(toc).root.docname == "chapters/a: b #1"


def test_the_preview_writes_the_other_notebooks_glue_caches_as_myst_nb_reads_them(tmp_path):
    """A one-chapter build finds the values the chapter pastes from other notebooks (issue 25): the preview writes
    their glue caches from the stored outputs, where MyST-NB's cross-document paste reads them."""
    from myst_nb.ext.glue.crossref import read_glue_cache

    from bistand.publishing.preview import write_glue_caches

    chapters = tmp_path / "chapters"
    chapters.mkdir()
    glued_notebook(chapters / "a.ipynb", {"a_own": "38.1"})
    glued_notebook(chapters / "b.ipynb", {"b_value": "2087.0", "b_word": "'most'"})
    out = tmp_path / "out"
    written = write_glue_caches(out, "chapters/a.ipynb", tmp_path)
    assert written == [out / "chapters" / "b.glue.json"]  # not the previewed chapter's own: its build writes that
    cache = read_glue_cache(str(out), "chapters/b")
    assert {key: value["data"] for key, value in cache.items()} == {
        "b_value": {"text/plain": "2087.0"},
        "b_word": {"text/plain": "'most'"},
    }
