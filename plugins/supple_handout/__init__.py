"""supple's printable handouts with pictures: the ``html`` and ``pdf`` exporters (docs/handout.md).

Both lay out one document built by :func:`supple_handout.content.build` from the plan: page
one (who it is for, the programme table with pictures, the stop signs, what safety changed,
the disclaimer), one block per exercise that never splits across pages (pictures, steps,
cues, and the cautions that apply to this person), then the tracking log. Every string in it
is text to be shown as text.

* ``html`` (:mod:`supple_handout.html`): one self-contained page, pictures inline, a print
  stylesheet, no script, no external resource (a Content-Security-Policy forbids both).
* ``pdf`` (:mod:`supple_handout.pdf`): typeset by the ``typst`` wheel (Apache-2.0; no TeX and
  no system library: ``pip install 'supple[pdf]'``). The Typst template is fixed; the content
  reaches it only as JSON through ``sys.inputs``, so no text is ever parsed as Typst. The same
  inputs give the same bytes (the PDF's date is the routine's ``revised`` date, or none).

Importing this package is cheap: the content, the page and typst load when a handout is made.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import supple

OPTIONS = "supple_handout.options:HandoutOptions"


def render_html(plan: supple.Plan, options: Any) -> bytes:
    """The handout for ``plan`` as UTF-8 HTML."""
    from supple_handout.content import build
    from supple_handout.html import page
    from supple_handout.options import HandoutOptions

    options = options or HandoutOptions()
    return page(build(plan, options), options).encode("utf-8")


def render_pdf(plan: supple.Plan, options: Any) -> bytes:
    """The handout for ``plan`` as PDF bytes."""
    from supple_handout.content import build
    from supple_handout.options import HandoutOptions
    from supple_handout.pdf import typeset

    options = options or HandoutOptions()
    return typeset(build(plan, options), options, plan.routine.info.revised)


@supple.hookimpl
def supple_exporters() -> Iterator[supple.Exporter]:
    yield supple.Exporter(
        name="html",
        summary="A printable handout as one self-contained web page, with pictures and a tracking log.",
        render=render_html, media_type="text/html", suffix=".html", options=OPTIONS,
    )
    yield supple.Exporter(
        name="pdf",
        summary="A printable handout as PDF (Typst, no TeX; pip install 'supple[pdf]'), with "
        "pictures and a tracking log.",
        render=render_pdf, media_type="application/pdf", suffix=".pdf", options=OPTIONS,
    )
