"""The ``html`` exporter: the handout as one self-contained web page (docs/handout.md).

``supple export ROUTINE --to html -o handout.html``. One file: pictures inline as SVG, a print
stylesheet (A4 or Letter, exercise blocks never split), no script, no external resource (a
Content-Security-Policy forbids both), readable on a phone. Every piece of text from the
routine, the profile or a plugin is HTML-escaped: it can never become an element, an attribute,
an entity or a link. Importing this module is cheap; the page is built in
:mod:`supple_html.page`.
"""

from __future__ import annotations

from typing import Any

import supple


def render(plan: supple.Plan, options: Any) -> bytes:
    """The handout for ``plan`` as UTF-8 HTML."""
    from supple.handout.content import build
    from supple.handout.options import HandoutOptions
    from supple_html.page import page

    return page(build(plan, options or HandoutOptions()), options or HandoutOptions()).encode("utf-8")


@supple.hookimpl
def supple_exporters() -> Any:
    yield supple.Exporter(
        name="html",
        summary="A printable handout as one self-contained web page, with pictures and a tracking log.",
        render=render,
        media_type="text/html",
        suffix=".html",
        options="supple.handout.options:HandoutOptions",
    )
