"""Old addresses that still work (issue 26): each page named in :data:`REDIRECTS` is written into the English site as a
static page that sends the reader on (sphinx-reredirects, pinned; its page is ``_templates/redirect.html``).

The Swedish summary, ``chapters/sammanfattning.html``, became the Swedish edition's landing page
(``sv/chapters/index.html``). The addresses exist only in the English site (the Swedish edition never had them), so
the Swedish build gets none.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

#: Old page (a docname, relative to the English site) -> where it lives now, relative to the old page.
REDIRECTS = {"chapters/sammanfattning": "../sv/chapters/index.html"}
TEMPLATE = "_templates/redirect.html"


def redirects_for(language: str | None) -> dict[str, str]:
    """The redirect pages an edition writes: the English edition (language ``en`` or unset) all, another none."""
    return dict(REDIRECTS) if language in (None, "", "en") else {}


def _configure(app: Sphinx, config: Config) -> None:
    config.redirects = redirects_for(config.language)
    config.redirect_html_template_file = TEMPLATE


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_reredirects")
    app.connect("config-inited", _configure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
