"""Dates in words and the plan's weeks (the doses each step has, phase by phase).

Dates and week days are spelled out here, not by ``strftime``, so the output never depends on
the locale. The same decisions as the Markdown handout (plugins/supple_markdown/handout.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def day_month_year(day: dt.date) -> str:
    """``1 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """``Monday 7 December 2026``."""
    return f"{DAYS[day.weekday()]} {day_month_year(day)}"


def short_date(day: dt.date) -> str:
    """``Mon 7 Dec``."""
    return f"{DAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def date_range(first: dt.date, last: dt.date) -> str:
    """``7 to 13 December 2026``, ``28 December 2026 to 3 January 2027``."""
    if first == last:
        return day_month_year(first)
    if first.year != last.year:
        return f"{day_month_year(first)} to {day_month_year(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} to {last.day} {MONTHS[last.month - 1]} {last.year}"
    return f"{first.day} to {last.day} {MONTHS[last.month - 1]} {last.year}"


def about_minutes(seconds: int) -> str:
    """A session's length as people plan it: ``about 9 min``."""
    minutes = (seconds + 30) // 60
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"about {minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"about {hours} h {rest} min" if rest else f"about {hours} h"


def join_words(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def plural(count: int, word: str) -> str:
    """``1 week``, ``6 weeks``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def week_span(weeks: Sequence[int]) -> str:
    """``Week 3``, ``Weeks 1 to 2``."""
    return f"Week {weeks[0]}" if len(weeks) == 1 else f"Weeks {weeks[0]} to {weeks[-1]}"


class Weeks:
    """The plan's weeks: the first session of each week stands for the week."""

    def __init__(self, plan: Any) -> None:
        self.plan = plan
        self.numbers = sorted({s.week for s in plan.sessions})
        self.first = {n: plan.sessions_in_week(n)[0] for n in self.numbers}
        steps: dict[int, Any] = {}
        for number in self.numbers:
            for step in self.first[number].steps:
                steps.setdefault(step.number, step)
        self.steps = [steps[n] for n in sorted(steps)]

    def dose(self, week: int, step_number: int) -> Any:
        """The dose of a step in a week (``None``: not done that week)."""
        for step in self.first[week].steps:
            if step.number == step_number:
                return step.dose
        return None

    def phases(self, step_number: int) -> list[tuple[list[int], Any]]:
        """Consecutive weeks with the same dose for one step."""
        out: list[tuple[list[int], Any]] = []
        for week in self.numbers:
            dose = self.dose(week, step_number)
            if out and out[-1][1] == dose and out[-1][0][-1] == week - 1:
                out[-1][0].append(week)
            else:
                out.append(([week], dose))
        return out

    def week_dates(self, week: int) -> str:
        """The dates of a week of the schedule (``""`` without one)."""
        schedule = self.plan.routine.schedule
        if schedule is None:
            return ""
        first = schedule.start + dt.timedelta(days=7 * (week - 1))
        last = min(first + dt.timedelta(days=6), schedule.until)
        return date_range(first, last)
