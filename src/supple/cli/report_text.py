"""`supple report` as terminal text: tables with small bar charts (ASCII only)."""

from __future__ import annotations

from typing import Any

BAR = 10


def bar(fraction: float | None) -> str:
    """``[######....]`` for a fraction from 0 to 1 (blank when unknown)."""
    if fraction is None:
        return " " * (BAR + 2)
    filled = round(max(0.0, min(fraction, 1.0)) * BAR)
    return "[" + "#" * filled + "." * (BAR - filled) + "]"


def _num(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def render(reports: list[dict[str, Any]]) -> str:
    """The text of every report, then the disclaimer."""
    from supple.model.plan import DISCLAIMER
    from supple.text import wrap

    lines: list[str] = []
    if not reports:
        lines.append("No sessions logged yet, so there is nothing to report. `supple log add ROUTINE` "
                     "or `supple run ROUTINE --record` records one.")
    for data in reports:
        lines += _one(data)
        lines.append("")
    lines += wrap(DISCLAIMER, "")
    return "\n".join(lines) + "\n"


def _one(data: dict[str, Any]) -> list[str]:
    from supple.text import safe, wrap

    routine = data["routine"]
    lines = [f"{safe(routine['title'])} ({safe(routine['id'])}): {data['from']} to {data['to']}"]
    if data.get("note"):
        lines += wrap(f"Note: {data['note']}", "")
    planned = data["planned"]
    lines.append(
        f"Sessions: {data['done']} done, {data['partial']} partly done, {data['skipped']} skipped"
        + (f", of {planned} planned (adherence {_percent(data['adherence'])})." if planned is not None
           else " (the routine has no schedule: nothing is planned by date).")
    )
    lines.append(f"Pain (mean, 0-10): before {_num(data['pain_before'])}, after {_num(data['pain_after'])}, "
                 f"next day {_num(data['next_day_pain'])}. Effort: "
                 + ", ".join(f"{k} {v}" for k, v in data["effort"].items()) + ".")
    for alert in data.get("alerts", ()):
        lines += wrap(f"ALERT [{alert['rule']}]: {alert['reason']} {alert['advice']} "
                      f"(source: {alert['source']})", "", hanging="  ")
    lines.append("")
    lines.append("By week: adherence (done / planned) and mean pain after the session (#: 1 point).")
    lines.append(f"{'week of':<10}  {'plan':>4}  {'done':>4}  {'part':>4}  {'skip':>4}  "
                 f"{'adherence':<17}  {'before':>6}  {'after':>5}  {'next':>4}  {'pain after':<12}  e/o/h")
    for week in data["weeks"]:
        effort = week["effort"]
        pain_after = week["pain_after"]
        lines.append(
            f"{week['week_of']:<10}  {_num(week['planned']):>4}  {week['done']:>4}  {week['partial']:>4}  "
            f"{week['skipped']:>4}  {_percent(week['adherence']):>4} {bar(week['adherence'])}  "
            f"{_num(week['pain_before']):>6}  {_num(pain_after):>5}  {_num(week['next_day_pain']):>4}  "
            f"{bar(None if pain_after is None else pain_after / 10)}  "
            f"{effort['easy']}/{effort['ok']}/{effort['hard']}"
        )
    lines.append("")
    lines.append("By exercise: steps done in full / planned, and the dose reached (planned then).")
    lines.append(f"{'step':>4}  {'exercise':<30}  {'plan':>4}  {'done':>4}  {'part':>4}  {'skip':>4}  "
                 f"{'adherence':<17}  dose reached")
    for row in data["exercises"]:
        reached = row["dose_reached_text"] or "-"
        if row["planned_dose_text"] and row["planned_dose_text"] != row["dose_reached_text"]:
            reached += f" (planned {row['planned_dose_text']})"
        if row["reached_on"]:
            reached += f" on {row['reached_on']}"
        lines.append(
            f"{row['step']:>4}  {safe(row['name'])[:30]:<30}  {_num(row['planned']):>4}  {row['done']:>4}  "
            f"{row['partial']:>4}  {row['skipped']:>4}  {_percent(row['adherence']):>4} "
            f"{bar(row['adherence'])}  {safe(reached)}"
        )
    return lines
