"""The ``pdf`` exporter: the handout as a PDF, typeset by Typst (docs/handout.md).

``supple export ROUTINE --to pdf -o handout.pdf``. Needs the ``typst`` wheel (Apache-2.0; no TeX
and no system library): ``pip install 'supple[pdf]'``. The Typst template shipped here
(``handout.typ``) is fixed; the handout's content reaches it only as JSON data through
``sys.inputs``, so no text from a routine, profile or plugin is ever parsed as Typst markup,
code, math, a label or a reference. The same inputs give the same bytes (the PDF's date is the
routine's ``revised`` date, or none). Importing this module is cheap: typst is imported when a
PDF is made, in :mod:`supple_pdf.typeset`.
"""

from __future__ import annotations

from typing import Any

import supple


def render(plan: supple.Plan, options: Any) -> bytes:
    """The handout for ``plan`` as PDF bytes."""
    from supple.handout.content import build
    from supple.handout.options import HandoutOptions
    from supple_pdf.typeset import typeset

    options = options or HandoutOptions()
    return typeset(build(plan, options), options, plan.routine.info.revised)


@supple.hookimpl
def supple_exporters() -> Any:
    yield supple.Exporter(
        name="pdf",
        summary="A printable handout as PDF (Typst, no TeX; pip install 'supple[pdf]'), with "
        "pictures and a tracking log.",
        render=render,
        media_type="application/pdf",
        suffix=".pdf",
        options="supple.handout.options:HandoutOptions",
    )
