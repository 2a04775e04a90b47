"""A small replacement for the theme's Font Awesome script (1.5 MB) with only the icons the book uses.

The icon shapes are read at build time from the pinned theme's own fontawesome.js (solid set), and
written to ``_static/_icons/icons.js``, which draws each ``<i class="fa-...">`` as an inline SVG.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ICONS = ["magnifying-glass", "bars", "list", "sun", "moon", "expand", "circle-half-stroke", "arrow-up",
         "file-pdf", "file", "download", "outdent", "angle-right", "angle-left", "xmark"]
SOLID_START = 'd("far",p),d("fa-regular",p)'
SOLID_END = 'd("fas",p),d("fa-solid",p)'
_DEFINITION = r'(?:"{name}"|{name}):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]'

SCRIPT = """/* Icons used by the book's theme, from Font Awesome Free (solid; icons CC BY 4.0, code MIT). */
(function () {
  "use strict";
  var ICONS = %s;
  function draw() {
    document.querySelectorAll("i[class*='fa-']").forEach(function (el) {
      for (var i = 0; i < el.classList.length; i++) {
        var name = el.classList[i].slice(3), icon = ICONS[name];
        if (el.classList[i].indexOf("fa-") === 0 && icon) {
          var holder = document.createElement("div");
          holder.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false" ' +
            'viewBox="0 0 ' + icon[0] + " " + icon[1] + '"><path fill="currentColor" d="' + icon[2] + '"></path></svg>';
          var svg = holder.firstChild;
          for (var a = 0; a < el.attributes.length; a++) {  /* keep the theme's classes and data attributes */
            svg.setAttribute(el.attributes[a].name, el.attributes[a].value);
          }
          svg.classList.add("svg-inline--fa");
          el.replaceWith(svg);
          return;
        }
      }
    });
  }
  var style = document.createElement("style");
  style.textContent = "svg.svg-inline--fa{display:inline-block;height:1em;overflow:visible;vertical-align:-.125em}" +
    ".fa-lg svg.svg-inline--fa{height:1.25em;vertical-align:-.2em}";
  document.head.appendChild(style);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
"""


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


def write_icons_script(fontawesome_path: Path, target: Path) -> None:
    icons = solid_icons(fontawesome_path.read_text(encoding="utf-8"), ICONS)
    text = SCRIPT % json.dumps(icons, sort_keys=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
