"""The package's layers import downward only (data <- analysis <- publishing), no module imports itself in a circle,
and the analysis layer's chapter modules are leaves: what two pages share lives in ``bistand.analysis.findings``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import bistand

PACKAGE = Path(bistand.__file__).parent
LAYERS = {"data": 0, "analysis": 1, "publishing": 2}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def bistand_imports(path: Path, root: Path = PACKAGE.parent) -> set[str]:
    """The bistand modules a file imports, at any depth of the file (function-level imports count too); ``root`` is
    the folder holding the ``bistand`` package whose files tell a module from a name inside one."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("bistand")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bistand"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(
                    candidate
                    if (root / (candidate.replace(".", "/") + ".py")).exists()
                    or (root / candidate.replace(".", "/")).is_dir()
                    else node.module
                )
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    return {module_name(path): bistand_imports(path) for path in sorted(package.rglob("*.py"))}


def layer(module: str) -> int | None:
    """The layer of a module (None for the top ``bistand`` module, which only holds paths)."""
    parts = module.split(".")
    return LAYERS[parts[1]] if len(parts) > 1 and parts[1] in LAYERS else None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} (layer {layer(module)}) imports {target} (layer {layer(target)})"
        for module, targets in graph.items()
        for target in targets
        if layer(module) is not None and layer(target) is not None and layer(target) > layer(module)
    ]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle among the modules, each as the path that closes it (depth-first search)."""
    found, done = [], set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            found.append(path[path.index(module) :] + [module])
            return
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            if target != module and not module.startswith(target + "."):
                visit(target, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return found


def test_every_module_is_in_a_layer():
    strays = [m for m in import_graph() if m != "bistand" and layer(m) is None]
    assert strays == [], f"modules outside the data/analysis/publishing layers: {strays}"


def test_imports_run_downward_only():
    assert upward_imports(import_graph()) == []


def test_no_import_circle():
    assert cycles(import_graph()) == []


def test_the_checks_catch_an_upward_import_and_a_circle():
    graph = {"bistand.data.a": {"bistand.analysis.b"}, "bistand.analysis.b": {"bistand.data.a"}}
    assert upward_imports(graph) == ["bistand.data.a (layer 0) imports bistand.analysis.b (layer 1)"]
    assert cycles(graph) == [["bistand.analysis.b", "bistand.data.a", "bistand.analysis.b"]]


CHAPTERS = "bistand.analysis.chapters."
SUMMARY = "bistand.analysis.summary"


def chapter_imports(graph: dict[str, set[str]]) -> list[str]:
    """Each import by which a chapter module of the analysis layer reads another chapter module or the summary, or the
    summary reads a chapter module: what two pages share belongs in a module both read (``findings``)."""
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if target != module
        and (
            (module.startswith(CHAPTERS) and (target.startswith(CHAPTERS) or target == SUMMARY))
            or (module == SUMMARY and (target.startswith(CHAPTERS) or target == CHAPTERS.rstrip(".")))
        )
    )


def test_chapter_modules_are_leaves_and_the_summary_reads_none():
    assert chapter_imports(import_graph()) == []


def test_the_leaf_check_catches_a_chapter_reading_another_chapter_or_the_summary():
    graph = {
        "bistand.analysis.summary": {"bistand.analysis.chapters.costs", "bistand.analysis.findings"},
        "bistand.analysis.chapters.linkoping": {"bistand.analysis.chapters.costs", "bistand.analysis.findings"},
        "bistand.analysis.chapters.national": {"bistand.analysis.summary", "bistand.analysis.metrics"},
        "bistand.analysis.chapters.costs": {"bistand.analysis.findings", "bistand.data.load"},
        "bistand.publishing.chapters.costs": {"bistand.analysis.chapters.costs"},
    }
    assert chapter_imports(graph) == [
        "bistand.analysis.chapters.linkoping imports bistand.analysis.chapters.costs",
        "bistand.analysis.chapters.national imports bistand.analysis.summary",
        "bistand.analysis.summary imports bistand.analysis.chapters.costs",
    ]


def test_the_import_walk_sees_a_chapter_importing_another(tmp_path):
    """On files: ``from bistand.analysis.chapters import costs`` inside a function counts as an import of the module."""
    chapters = tmp_path / "bistand" / "analysis" / "chapters"
    chapters.mkdir(parents=True)
    for name in ("__init__", "costs"):
        (chapters / f"{name}.py").write_text("", encoding="utf-8")
    (chapters / "linkoping.py").write_text(
        "def f():\n    from bistand.analysis.chapters import costs\n    return costs\n", encoding="utf-8"
    )
    found = bistand_imports(chapters / "linkoping.py", root=tmp_path)
    assert found == {"bistand.analysis.chapters.costs"}
    graph = {"bistand.analysis.chapters.linkoping": found}
    assert chapter_imports(graph) == ["bistand.analysis.chapters.linkoping imports bistand.analysis.chapters.costs"]


# --- the test layers (tests/conftest.py): a unit test cannot reach a built artefact or another layer's tool ---


def test_the_guard_names_what_a_unit_test_may_not_reach():
    import conftest

    assert (
        conftest._reached("open", (str(conftest.BUILD / "html" / "index.html"), "r", 0))
        == "reads _build/html/index.html"
    )
    assert conftest._reached("os.scandir", (str(conftest.CFF_VENV / "bin"),)) == "reads .venv-cff/bin"
    assert conftest._reached("os.listdir", (str(conftest.BUILD),)) is None  # pkgutil lists every folder on sys.path
    assert conftest._reached("open", (str(conftest.BUILD),)) == "reads _build"
    assert (
        conftest._reached("subprocess.Popen", ("/usr/bin/chromedriver", ["chromedriver"], None, None))
        == "starts chromedriver"
    )
    assert (
        conftest._reached("subprocess.Popen", (None, ["jupyter-book", "build", "."], None, None))
        == "starts jupyter-book"
    )
    assert conftest._reached("open", (str(conftest.ROOT / "data" / "events.csv"), "r", 0)) is None
    assert conftest._reached("open", (str(conftest.ROOT / "_builder.txt"), "r", 0)) is None
    assert conftest._reached("open", (3, "r", 0)) is None


def test_a_unit_test_that_reads_the_build_fails_naming_the_fixtures(request):
    import conftest

    assert request.node.get_closest_marker("unit") is not None
    with pytest.raises(
        PermissionError,
        match="is a unit test but reads _build/html/index.html: request the fixture "
        r"that gives it \(built_html, built_pdf,",
    ):
        open(conftest.BUILD / "html" / "index.html", encoding="utf-8")
    # The guard also records it, so that a test swallowing the error still fails; this one expected it.
    assert conftest._violations.pop(request.node.nodeid)


def test_the_layer_follows_the_fixtures(request):
    import conftest

    assert conftest.layer_of(request.node) == "unit"
    assert set(conftest.FIXTURE_LAYERS.values()) <= set(conftest.LAYERS)
    # Each is a fixture of tests/conftest.py (a misspelt name would mark nothing): read from its source, since pytest
    # has no public way to ask whether a name is a fixture without running it.
    tree = ast.parse(Path(conftest.__file__).read_text(encoding="utf-8"))
    fixtures = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any(ast.unparse(d).startswith("pytest.fixture") for d in node.decorator_list)
    }
    assert set(conftest.FIXTURE_LAYERS) <= fixtures, set(conftest.FIXTURE_LAYERS) - fixtures
