"""The printable report as PDF (`supple report --format pdf -o FILE`), typeset by Typst from a
fixed template (report.typ); the report's data goes in as JSON and is placed as text only. The
charts are the SVG of :mod:`supple.render.report_svg`. Needs ``supple[pdf]`` (the typst wheel)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from supple.errors import InputError
from supple.render.report_svg import adherence_chart, pain_chart

TEMPLATE = Path(__file__).with_name("report.typ")


def report_pdf(reports: Sequence[dict[str, Any]], disclaimer: str) -> bytes:
    """PDF bytes of ``reports`` (``supple report --json``'s ``reports``); the same data, the
    same bytes (the document date is fixed)."""
    try:
        import typst
    except ImportError:
        raise InputError.at(
            "the PDF report needs the Typst typesetter, which is not installed; install it with: "
            "pip install 'supple[pdf]' (or pip install typst), or use --format html and print that",
            None, "--format") from None
    title = "Exercise log report"
    doc = {
        "title": title if len(reports) != 1 else f"{title}: {reports[0]['routine']['title']}",
        "reports": [{**data, "alerts": data.get("alerts", []),
                     "pain_svg": pain_chart(data["sessions"]), "adherence_svg": adherence_chart(data["weeks"])}
                    for data in reports],
        "disclaimer": disclaimer,
    }
    compiler = typst.Compiler(ignore_system_fonts=True)
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    data = compiler.compile(input=TEMPLATE.read_bytes(), format="pdf", sys_inputs={"doc": json.dumps(doc)},
                            timestamp=stamp)
    assert isinstance(data, bytes)
    return data
