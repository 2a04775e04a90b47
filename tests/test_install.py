"""`pip install .` gives a working package: every subpackage, its declared dependencies, its console scripts."""

from __future__ import annotations

import ast
import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

import bistand
from conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PACKAGE = Path(bistand.__file__).parent


def _imported_top_level_modules() -> set[str]:
    """The top-level modules the package's files import (at any depth), other than bistand itself."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - {"bistand", "__future__"}


def test_every_third_party_module_the_package_imports_is_a_declared_dependency():
    declared = {Requirement(r).name.lower().replace("_", "-") for r in PROJECT["dependencies"]}
    distributions = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in sorted(_imported_top_level_modules() - set(sys.stdlib_module_names)):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if not names & declared:
            undeclared[module] = sorted(names)
    assert undeclared == {}


def test_the_lock_file_satisfies_every_declared_dependency():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    for text in PROJECT["dependencies"]:
        requirement = Requirement(text)
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is declared in pyproject.toml but not pinned in requirements.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.txt pins {name}=={pins[name]}, outside pyproject.toml's {requirement.specifier}"
        )


def _run(scratch: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        list(args),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": f"{scratch / 'bin'}:/usr/bin:/bin", "HOME": str(cwd)},
    )


def test_the_wheel_holds_every_subpackage(wheel, tmp_path):
    listing = _run(
        wheel,
        str(wheel / "bin" / "python"),
        "-c",
        "import bistand, pkgutil; print('\\n'.join(sorted(m.name for m in pkgutil.walk_packages("
        "bistand.__path__, 'bistand.'))))",
        cwd=tmp_path,
    )
    assert listing.returncode == 0, listing.stderr
    expected = sorted(
        ".".join(
            p.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
            if p.name == "__init__.py"
            else p.relative_to(PACKAGE.parent).with_suffix("").parts
        )
        for p in PACKAGE.rglob("*.py")
        if p.parent != PACKAGE or p.name != "__init__.py"
    )
    assert listing.stdout.split() == expected
    where = _run(
        wheel, str(wheel / "bin" / "python"), "-c", "import bistand.data.validate as v; print(v.__file__)", cwd=tmp_path
    )
    assert Path(where.stdout.strip()).is_relative_to(wheel), (
        where.stdout + where.stderr
    )  # the wheel's, not the checkout's


def test_each_console_script_runs_from_the_installed_wheel(wheel, tmp_path):
    assert set(PROJECT["scripts"]) == {"bistand-validate"}  # a new script gets its case here
    script = str(wheel / "bin" / "bistand-validate")
    assert _run(wheel, script, "--help", cwd=tmp_path).stdout.startswith("usage: bistand-validate")
    # In the book's repository (its data/ in the working folder) and with --data from anywhere else.
    here = _run(wheel, script, cwd=ROOT)
    assert (here.returncode, here.stdout.strip()) == (0, "data valid: data"), here.stderr
    there = _run(wheel, script, "--data", str(ROOT / "data"), cwd=tmp_path)
    assert (there.returncode, there.stdout.strip()) == (0, f"data valid: {ROOT / 'data'}"), there.stderr
    nowhere = _run(wheel, script, cwd=tmp_path)
    assert nowhere.returncode == 2 and nowhere.stderr.startswith("no datapackage.json in data: run this in the book's")
