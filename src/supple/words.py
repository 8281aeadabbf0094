"""Dates, lengths and a plan's weeks in plain English words, for exporters (public API).

Dates and week days are spelled out here, not by ``strftime``, so an output never depends on
the locale. Every function returns generated text: escape it for your format like any other
text (nothing here comes from a routine or a plugin, but a caller may pass such text to
:func:`join_words`).

>>> import datetime as dt
>>> from supple import words
>>> words.long_date(dt.date(2026, 12, 7)), words.date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3))
('Monday 7 December 2026', '28 December 2026 to 3 January 2027')
>>> words.about_minutes(545), words.join_words(["a", "b", "c"]), words.plural(6, "week")
('about 9 min', 'a, b and c', '6 weeks')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supple.model.exercise import Dose
    from supple.model.plan import Plan, Session
    from supple.model.step import PlannedStep

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


def join_words(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(count: int, word: str) -> str:
    """``1 week``, ``6 weeks``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def week_span(weeks: Sequence[int]) -> str:
    """``Week 3``, ``Weeks 1 to 2``."""
    return f"Week {weeks[0]}" if len(weeks) == 1 else f"Weeks {weeks[0]} to {weeks[-1]}"


class Weeks:
    """A plan's weeks for a handout: the first session of each week stands for the week (every
    session of a week has the week's doses). ``numbers`` are the weeks with sessions; ``steps``
    every routine step done in some week, in routine order."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.numbers = sorted({s.week for s in plan.sessions})
        self.first: dict[int, Session] = {n: plan.sessions_in_week(n)[0] for n in self.numbers}
        steps: dict[int, PlannedStep] = {}
        for number in self.numbers:
            for step in self.first[number].steps:
                steps.setdefault(step.number, step)
        self.steps = [steps[n] for n in sorted(steps)]

    def dose(self, week: int, step_number: int) -> Dose | None:
        """The dose of routine step ``step_number`` in ``week`` (``None``: not done that week)."""
        for step in self.first[week].steps:
            if step.number == step_number:
                return step.dose
        return None

    def phases(self, step_number: int) -> list[tuple[list[int], Dose | None]]:
        """Runs of consecutive weeks with one dose for a step (``None``: not done then)."""
        out: list[tuple[list[int], Dose | None]] = []
        for week in self.numbers:
            dose = self.dose(week, step_number)
            if out and out[-1][1] == dose and out[-1][0][-1] == week - 1:
                out[-1][0].append(week)
            else:
                out.append(([week], dose))
        return out

    def week_dates(self, week: int) -> str:
        """The dates of ``week`` of the schedule, ``7 to 13 December 2026`` (``""`` without one)."""
        schedule = self.plan.routine.schedule
        if schedule is None:
            return ""
        first = schedule.start + dt.timedelta(days=7 * (week - 1))
        last = min(first + dt.timedelta(days=6), schedule.until)
        return date_range(first, last)
