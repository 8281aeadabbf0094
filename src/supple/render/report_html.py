"""The printable report as one self-contained HTML page (`supple report --format html`): the
figures of :func:`supple.guide.report.build_report`, the alerts, and the SVG charts of
:mod:`supple.render.report_svg`. No script, no external resource; every string from the log,
routine or profile is HTML-escaped, so it is shown as text and never becomes markup."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from supple.render.report_svg import adherence_chart, pain_chart

STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1f2937; margin: 2em auto;
       max-width: 50em; padding: 0 1em; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; border-bottom: 1.5px solid #1f2937; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { border-bottom: 1px solid #cbd5e1; padding: 0.2em 0.4em; text-align: right; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
.alert { border: 2px solid #b91c1c; background: #fef2f2; padding: 0.5em 0.8em; margin: 0.6em 0; }
.muted { color: #4b5563; font-size: 0.9em; } figure { margin: 0.5em 0 1em; }
svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } }
"""


def _num(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return escape(str(value))


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], text_columns: Sequence[int] = (0,)) -> str:
    def cell(tag: str, index: int, content: str) -> str:
        klass = ' class="text"' if index in text_columns else ""
        return f"<{tag}{klass}>{content}</{tag}>"

    head = "".join(cell("th", i, escape(h)) for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _one(data: dict[str, Any]) -> list[str]:
    routine = data["routine"]
    out = [f"<section><h1>{escape(routine['title'])}</h1>",
           f"<p class=\"muted\">{escape(routine['id'])}: {escape(data['from'])} to {escape(data['to'])}</p>"]
    if data.get("note"):
        out.append(f"<p>Note: {escape(data['note'])}</p>")
    planned = data["planned"]
    out.append(f"<p>Sessions: {data['done']} done, {data['partial']} partly done, {data['skipped']} skipped"
               + (f", of {planned} planned (adherence {_percent(data['adherence'])})." if planned is not None
                  else " (the routine has no schedule: nothing is planned by date).") + "</p>")
    effort = ", ".join(f"{escape(k)} {v}" for k, v in data["effort"].items())
    out.append(f"<p>Pain (mean, 0-10): before {_num(data['pain_before'])}, after {_num(data['pain_after'])}, "
               f"next day {_num(data['next_day_pain'])}. Effort: {effort}.</p>")
    for alert in data.get("alerts", ()):
        out.append(f"<div class=\"alert\"><strong>Alert ({escape(alert['rule'])}):</strong> "
                   f"{escape(alert['reason'])} {escape(alert.get('advice', ''))} "
                   f"<span class=\"muted\">Source: {escape(alert['source'])}</span></div>")
    out.append("<h2>Pain over time</h2>")
    out.append(f"<figure>{pain_chart(data['sessions'])}</figure>")
    out.append("<h2>Adherence by week</h2>")
    out.append(f"<figure>{adherence_chart(data['weeks'])}</figure>")
    out.append(_table(
        ("Week of", "Planned", "Done", "Partly", "Skipped", "Adherence", "Pain before", "after", "next day",
         "easy/ok/hard"),
        [(escape(w["week_of"]), _num(w["planned"]), _num(w["done"]), _num(w["partial"]), _num(w["skipped"]),
          _percent(w["adherence"]), _num(w["pain_before"]), _num(w["pain_after"]), _num(w["next_day_pain"]),
          f"{w['effort']['easy']}/{w['effort']['ok']}/{w['effort']['hard']}") for w in data["weeks"]]))
    out.append("<h2>By exercise</h2>")
    out.append(_table(
        ("Step", "Exercise", "Planned", "Done", "Partly", "Skipped", "Adherence", "Dose reached"),
        [(_num(r["step"]), escape(r["name"]), _num(r["planned"]), _num(r["done"]), _num(r["partial"]),
          _num(r["skipped"]), _percent(r["adherence"]),
          escape((r["dose_reached_text"] or "-") + (f" on {r['reached_on']}" if r.get("reached_on") else "")))
         for r in data["exercises"]], text_columns=(1, 7)))
    out.append("<h2>Sessions</h2>")
    out.append(_table(
        ("Date", "Time", "Outcome", "Pain before", "after", "next day", "Effort", "Note"),
        [(escape(s["date"]), escape(s["time"]), escape(s["outcome"]), _num(s["pain_before"]),
          _num(s["pain_after"]), _num(s["next_day_pain"]), escape(s["effort"] or "-"), escape(s["note"]))
         for s in data["sessions"]], text_columns=(0, 1, 2, 6, 7)))
    out.append("</section>")
    return out


def report_html(reports: Sequence[dict[str, Any]], disclaimer: str) -> str:
    """The whole page for ``reports`` (``supple report --json``'s ``reports``)."""
    title = "Exercise log report" if len(reports) != 1 else f"Exercise log report: {reports[0]['routine']['title']}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"]
    if not reports:
        parts.append("<p>No sessions logged yet, so there is nothing to report.</p>")
    for data in reports:
        parts += _one(data)
    parts.append(f"<p class=\"muted\">{escape(disclaimer)}</p></body></html>")
    return "\n".join(parts) + "\n"
