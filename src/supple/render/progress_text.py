"""The session log's part of ``supple plan``'s text: what became of past sessions, week by
week (done, partly done, missed), and which week is the current one."""

from __future__ import annotations

from collections.abc import Sequence

from supple.model.plan import Plan, Postponed, Session

#: How a past session's status is written.
STATUS_LABELS = {"done": "done", "partial": "partly done", "missed": "missed"}


def status_label(plan: Plan, session: Session) -> str:
    """``"  [done]"`` and the like for a past session; empty for one to come."""
    status = plan.status.get(session.index)
    return f"  [{STATUS_LABELS[status]}]" if status else ""


def current_week(plan: Plan) -> int | None:
    """The week of the first session still to come (``None`` without a log, or when every
    session is past)."""
    if plan.today is None:
        return None
    return next((s.week for s in plan.sessions if s.index not in plan.status), None)


def progress_lines(plan: Plan) -> list[str]:
    """Past sessions by week, then a blank line; nothing without a log."""
    if plan.today is None:
        return []
    lines = [f"From your session log (sessions before {plan.today.isoformat()} are past):"]
    weeks = sorted({s.week for s in plan.sessions if s.index in plan.status})
    total = {"done": 0, "partial": 0, "missed": 0}
    for week in weeks:
        counts = {"done": 0, "partial": 0, "missed": 0}
        for session in plan.sessions_in_week(week):
            status = plan.status.get(session.index)
            if status:
                counts[status] += 1
        for key, value in counts.items():
            total[key] += value
        lines.append(f"  week {week}: " + ", ".join(f"{value} {STATUS_LABELS[key]}" for key, value in counts.items()))
    to_come = sum(1 for s in plan.sessions if s.index not in plan.status)
    lines.append("  in all: " + ", ".join(f"{value} {STATUS_LABELS[key]}" for key, value in total.items())
                 + f"; {to_come} to come" + (f", {len(plan.postponed)} paused or postponed" if plan.postponed else ""))
    lines.append("")
    return lines


def postponed_runs(postponed: Sequence[Postponed]) -> list[tuple[Postponed, Postponed, int]]:
    """Postponed sessions in runs of consecutive ones with the same reason and advice (a paused
    programme is one line, not one per session): ``(first, last, count)``."""
    runs: list[tuple[Postponed, Postponed, int]] = []
    for item in postponed:
        if runs:
            first, last, count = runs[-1]
            if (first.reason, first.advice) == (item.reason, item.advice) and item.index > last.index:
                runs[-1] = (first, item, count + 1)
                continue
        runs.append((item, item, 1))
    return runs
