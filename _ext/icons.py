"""The theme's icons as inline SVG, instead of its Font Awesome script (1.5 MB) and webfont (150 KB).

The icon shapes are read at build time from the pinned theme's own fontawesome.js (solid set), and
each ``<i class="fa-...">`` or ``<span class="fa-...">`` in a built page is replaced by an inline SVG.
"""

from __future__ import annotations

import re

ICONS = ["magnifying-glass", "bars", "list", "sun", "moon", "expand", "circle-half-stroke", "arrow-up",
         "file-pdf", "file", "download", "outdent", "angle-right", "angle-left", "xmark"]
SOLID_START = 'd("far",p),d("fa-regular",p)'
SOLID_END = 'd("fas",p),d("fa-solid",p)'
_DEFINITION = r'(?:"{name}"|{name}):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]'


def solid_icons(fontawesome_js: str, names: list[str]) -> dict[str, list]:
    """Width, height and SVG path of each named icon in the solid set; KeyError for a missing one."""
    start = fontawesome_js.index(SOLID_START)
    block = fontawesome_js[start:fontawesome_js.index(SOLID_END, start)]
    icons = {}
    for name in names:
        match = re.search(_DEFINITION.format(name=re.escape(name)), block)
        if not match:
            raise KeyError(f"icon {name!r} not in the theme's solid Font Awesome set")
        icons[name] = [int(match[1]), int(match[2]), match[3]]
    return icons


_ICON_ELEMENT = re.compile(r'<(i|span) class="([^"]*\bfa-[^"]*)"([^>]*)>\s*</\1>')


def inline_icons(page: str, icons: dict[str, list]) -> str:
    """Draw each ``<i class="fa-...">`` / ``<span class="fa-...">`` icon element as an inline SVG.

    The page then needs neither the Font Awesome webfont nor a script for its icons; an element naming
    no known icon is left as it is.
    """
    def draw(match: re.Match) -> str:
        classes = match[2].split()
        names = [c[3:] for c in classes if c.startswith("fa-") and c[3:] in icons]
        if not names:
            return match[0]
        width, height, path = icons[names[0]]
        return (f'<svg class="svg-inline--fa {match[2]}"{match[3]} xmlns="http://www.w3.org/2000/svg" '
                f'aria-hidden="true" focusable="false" viewBox="0 0 {width} {height}">'
                f'<path fill="currentColor" d="{path}"></path></svg>')

    return _ICON_ELEMENT.sub(draw, page)
