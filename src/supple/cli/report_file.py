"""`supple report --output FILE` and the printable formats: the report's bytes in the chosen
format, written atomically (a reader sees the old file or the new one, never half of one)."""

from __future__ import annotations

from typing import Any

import click


def report_bytes(fmt: str, reports: list[dict[str, Any]], records: list[Any]) -> bytes:
    """The report of ``reports`` (and, for CSV, the logged ``records``) in format ``fmt``."""
    from supple.model.plan import DISCLAIMER

    if fmt == "pdf":
        from supple.render.report_pdf import report_pdf

        return report_pdf(reports, DISCLAIMER)
    if fmt == "html":
        from supple.render.report_html import report_html

        text = report_html(reports, DISCLAIMER)
    elif fmt == "json":
        from supple.render.json import json_text

        text = json_text({"reports": reports})
    elif fmt == "csv":
        from supple.cli.report import csv_text

        text = csv_text(records)
    else:
        from supple.cli.report_text import render

        text = render(reports)
    return text.encode("utf-8")


def write_report(fmt: str, reports: list[dict[str, Any]], records: list[Any], output: str | None) -> None:
    """Write the report to ``output`` (standard output when ``None``; never for PDF)."""
    data = report_bytes(fmt, reports, records)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    from supple.io.files import write_atomic
    from supple.text import safe

    write_atomic(output, data)
    click.echo(f"Wrote the {fmt} report to {safe(output)}.")
