"""How far each translated edition's message catalogues are (``locales/LANG/LC_MESSAGES/**.po``), read with Babel.

``python -m bistand.publishing.catalogues`` (the last step of ``make catalogues``) prints, per catalogue, the messages
translated, fuzzy (the English changed since: Sphinx shows them in English until a translator clears the flag) and
untranslated, and the totals. It exits 0 however many are missing (``sphinx-intl stat`` exits 1 then, which would
make ``make catalogues`` fail on every unfinished catalogue); tests/test_catalogues.py asks for all of them.

Two checks of the catalogues' content, for tests/test_catalogues.py: :func:`lost_markup` (a translation keeps every
role, code span and formula of its English message) and :func:`stale` (the catalogues hold the messages the English
sources give now: an English paragraph changed without ``make catalogues`` is found).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from bistand import ROOT

LOCALES = ROOT / "locales"


@dataclass(frozen=True)
class Progress:
    """A catalogue's messages: translated (and not fuzzy), fuzzy, untranslated; and the ids of the unfinished ones."""

    translated: int
    fuzzy: int
    untranslated: int
    unfinished: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.fuzzy and not self.untranslated


def progress(po: Path) -> Progress:
    """Count one catalogue's messages (the header, msgid "", is not a message)."""
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    messages = [message for message in catalogue if message.id]
    fuzzy = [message for message in messages if message.fuzzy]
    empty = [message for message in messages if not message.fuzzy and not message.string]
    return Progress(
        translated=len(messages) - len(fuzzy) - len(empty),
        fuzzy=len(fuzzy),
        untranslated=len(empty),
        unfinished=tuple(str(message.id) for message in fuzzy + empty),
    )


def catalogues(language: str = "sv", locales: Path = LOCALES) -> dict[str, Progress]:
    """Every catalogue of a language, by its path under ``LC_MESSAGES`` (``chapters/limits.po``)."""
    folder = locales / language / "LC_MESSAGES"
    return {po.relative_to(folder).as_posix(): progress(po) for po in sorted(folder.rglob("*.po"))}


def report(found: dict[str, Progress]) -> str:
    """One line per catalogue and a total line."""
    lines = [
        f"{name}: {p.translated} translated, {p.fuzzy} fuzzy, {p.untranslated} untranslated"
        for name, p in found.items()
    ]
    total = [sum(getattr(p, field) for p in found.values()) for field in ("translated", "fuzzy", "untranslated")]
    lines.append(f"all {len(found)} catalogues: {total[0]} translated, {total[1]} fuzzy, {total[2]} untranslated")
    return "\n".join(lines)


#: A MyST role: ``{name}`text``` (any number of backticks).
ROLE = re.compile(r"\{([a-z][\w:+-]*)\}(`+)(.*?)\2", re.S)
#: A code span outside a role, and inline or display math (MyST's dollarmath).
CODE = re.compile(r"(?<![`\w}])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
MATH = re.compile(r"(?<![\\$])(\$\$?)(?!\s)(.+?)(?<![\s\\])\1", re.S)
#: Roles whose link text a translation may change, but not their target (``{doc}`Gränser <limits>```).
TARGETED = frozenset({"doc", "download", "ref"})
#: Roles a translation copies whole: a glued value with its format, a citation, a formula.
WHOLE = ("glue", "cite", "math")


def markup(text: str) -> Counter[str]:
    """What a translation of ``text`` must keep, counted: each ``{glue…}``, ``{cite…}`` and ``{math}`` role whole,
    each ``{doc}``, ``{download}`` and ``{ref}`` role by its name and target (``{doc}`limits```, whatever its link
    text), each code span and each formula. Other roles (``{term}``: the Swedish glossary's own words) are free."""
    found: Counter[str] = Counter()

    def role(match: re.Match) -> str:
        name, body = match[1], match[3]
        if name in TARGETED:
            explicit = re.fullmatch(r"(.*?)\s*<([^<>]+)>", body, re.S)
            found[f"{{{name}}}`{(explicit[2] if explicit else body).strip()}`"] += 1
        elif name.split(":")[0] in WHOLE:
            found[match[0]] += 1
        return " "

    rest = ROLE.sub(role, text)
    found.update(match[0] for match in CODE.finditer(rest))
    found.update(match[0] for match in MATH.finditer(CODE.sub(" ", rest)))
    return found


@dataclass(frozen=True)
class LostMarkup:
    """A translated message that drops (or adds) markup of its English message."""

    msgid: str
    missing: tuple[str, ...]
    added: tuple[str, ...]


def lost_markup(po: Path) -> list[LostMarkup]:
    """The translated (not fuzzy) messages of one catalogue whose markup (:func:`markup`) differs from the msgid's."""
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        if not message.id or not message.string or message.fuzzy:
            continue
        english, translated = markup(str(message.id)), markup(str(message.string))
        if english != translated:
            missing, added = english - translated, translated - english
            found.append(
                LostMarkup(str(message.id), tuple(sorted(missing.elements())), tuple(sorted(added.elements())))
            )
    return found


def _ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {str(message.id) for message in read_po(handle) if message.id}


#: Where the pages' catalogues are, under ``LC_MESSAGES``: a catalogue there without a page is left over.
PAGES = ("chapters/",)


def stale(extracted: Path, language: str = "sv", locales: Path = LOCALES) -> dict[str, str]:
    """Where the committed catalogues differ from the messages extracted from the English sources (``extracted``,
    the gettext builder's folder of ``.pot`` files: ``make catalogues`` writes ``_build/gettext``): per catalogue
    (``chapters/limits.po``), how many messages the English has that the catalogue lacks, and the first of them, and
    how many the catalogue has that the English no longer gives. A page without a catalogue, and a catalogue under
    :data:`PAGES` without a page, are named too (other catalogues are not the gettext builder's). Empty when
    ``make catalogues`` would change no message id."""
    folder = locales / language / "LC_MESSAGES"
    templates = {pot.relative_to(extracted).with_suffix(".po").as_posix(): pot for pot in extracted.rglob("*.pot")}
    committed = {po.relative_to(folder).as_posix(): po for po in folder.rglob("*.po")}
    found = {}
    for name in sorted(templates.keys() | committed.keys()):
        if name not in committed:
            found[name] = "no catalogue: run make catalogues"
        elif name not in templates:
            if name.startswith(PAGES):  # not a page's: a catalogue the package reads itself (Babel)
                found[name] = "no page gives these messages any more"
        else:
            english, kept = _ids(templates[name]), _ids(committed[name])
            if english != kept:
                new, gone = sorted(english - kept), kept - english
                first = f", first: {new[0][:60]!r}" if new else ""
                found[name] = f"{len(new)} new or changed in the English{first}; {len(gone)} no longer in it"
    return found


def main(argv: list[str] | None = None) -> int:
    language = (argv if argv is not None else sys.argv[1:]) or ["sv"]
    print(report(catalogues(language[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
