"""How far each translated edition's message catalogues are (``locales/LANG/LC_MESSAGES/**.po``), read with Babel.

``python -m bistand.publishing.catalogues`` (the last step of ``make catalogues``) prints, per catalogue, the messages
translated, fuzzy (the English changed since: Sphinx shows them in English until a translator clears the flag) and
untranslated, and the totals. It exits 0 however many are missing (``sphinx-intl stat`` exits 1 then, which would
make ``make catalogues`` fail on every unfinished catalogue); tests/test_catalogues.py asks for all of them.
"""

from __future__ import annotations

import sys
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


def main(argv: list[str] | None = None) -> int:
    language = (argv if argv is not None else sys.argv[1:]) or ["sv"]
    print(report(catalogues(language[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
