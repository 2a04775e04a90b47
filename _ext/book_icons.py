"""Write ``_static/book-icons.css``: the theme's icons drawn from Font Awesome Free's own SVG files, so that no
page needs the 153 KB icon webfont (it held the first paint on a slow phone network by about a second).

Run by hand, not by the build (the CSS is committed), when the theme's Font Awesome version or the icons the
pages use change::

    npm pack @fortawesome/fontawesome-free@6.5.2 && tar xzf fortawesome-fontawesome-free-6.5.2.tgz
    python _ext/book_icons.py package/svgs/solid

6.5.2 is the version pydata-sphinx-theme 0.17.1 ships (its fontawesome.js.LICENSE.txt). Icons: CC BY 4.0,
Fonticons, Inc. A browser test checks that no page loads a webfont.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import quote

#: The icons the theme's templates draw (``<i class="fa-solid fa-NAME">``), and the download link's icon.
ICONS = [
    "bars",
    "list",
    "magnifying-glass",
    "sun",
    "moon",
    "circle-half-stroke",
    "expand",
    "arrow-up",
    "file-pdf",
    "file",
    "download",
    "outdent",
    "angle-left",
    "angle-right",
    "xmark",
    "chevron-down",
    "chevron-right",
    "copy",
]
TARGET = Path(__file__).resolve().parent.parent / "_static" / "book-icons.css"

HEAD = """/* The theme's icons drawn from Font Awesome Free 6.5.2's SVG files (CC BY 4.0, Fonticons, Inc.), as CSS masks
   in the text's colour, instead of the icon webfont. Written by _ext/book_icons.py; do not edit by hand. */
:is(.fa-solid, .fas, .fa-regular, .far)::before, a.reference.download::before {
  content: "" !important;
  display: inline-block;
  width: var(--book-icon-width, 1em);
  height: 1em;
  vertical-align: -0.125em;
  background-color: currentColor;
  -webkit-mask: var(--book-icon) center / contain no-repeat;
  mask: var(--book-icon) center / contain no-repeat;
}
/* Not the webfont's family: even an empty box measures its line with its font, which would fetch the font. */
:is(.fa-solid, .fas, .fa-regular, .far), :is(.fa-solid, .fas, .fa-regular, .far)::before,
a.reference.download::before { font-family: inherit !important; }
a.reference.download::before { height: 0.8em; width: 0.8em; margin: 0 0.25em; padding: 0; }
"""


def rule(selector: str, svg: str) -> str:
    width, height = (int(v) for v in re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())
    path = re.search(r'<path d="([^"]+)"', svg)[1]
    drawing = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
    return (
        f'{selector} {{ --book-icon: url("data:image/svg+xml,{quote(drawing, safe=" /=:,.")}"); '
        f"--book-icon-width: {width / height:.3f}em; }}\n"
    )


def main(folder: str) -> None:
    svgs = Path(folder)
    text = HEAD + "".join(rule(f".fa-{name}", (svgs / f"{name}.svg").read_text(encoding="utf-8")) for name in ICONS)
    text += rule("a.reference.download", (svgs / "download.svg").read_text(encoding="utf-8"))
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text)} bytes, {len(ICONS) + 1} icons)")


if __name__ == "__main__":
    main(sys.argv[1])
