"""Dates, durations and the plan's weeks in the handout's plain English words (generated text
only: nothing here is from the routine, except exercise names, which are escaped)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import supple
from supple_markdown.escape import text as esc

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# --- small formatting helpers (generated text only) ------------------------------------------


def long_date(day: dt.date) -> str:
    """``Monday 7 December 2026``."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_month_year(day: dt.date) -> str:
    """``1 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


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
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def week_span(weeks: Sequence[int]) -> str:
    """``Week 3``, ``Weeks 1 to 2``."""
    if len(weeks) == 1:
        return f"Week {weeks[0]}"
    return f"Weeks {weeks[0]} to {weeks[-1]}"


# --- what the plan says, week by week ---------------------------------------------------------


class Weeks:
    """The plan's weeks: the first session of each week stands for the week (all sessions of a
    week share one timeline)."""

    def __init__(self, plan: supple.Plan) -> None:
        self.plan = plan
        self.numbers = sorted({s.week for s in plan.sessions})
        self.first = {n: plan.sessions_in_week(n)[0] for n in self.numbers}
        # every routine step that appears in some week, in routine order
        steps: dict[int, supple.PlannedStep] = {}
        for number in self.numbers:
            for step in self.first[number].steps:
                steps.setdefault(step.number, step)
        self.steps = [steps[n] for n in sorted(steps)]

    def dose(self, week: int, step_number: int) -> supple.Dose | None:
        for step in self.first[week].steps:
            if step.number == step_number:
                return step.dose
        return None

    def phases(self, step_number: int) -> list[tuple[list[int], supple.Dose | None]]:
        """Consecutive weeks with the same dose for one step (``None``: not done that week)."""
        out: list[tuple[list[int], supple.Dose | None]] = []
        for week in self.numbers:
            dose = self.dose(week, step_number)
            if out and out[-1][1] == dose and out[-1][0][-1] == week - 1:
                out[-1][0].append(week)
            else:
                out.append(([week], dose))
        return out

    def changes(self, week: int) -> list[str]:
        """What differs from the previous week, as escaped text."""
        index = self.numbers.index(week)
        if index == 0:
            return []
        before = self.numbers[index - 1]
        out = []
        for step in self.steps:
            old, new = self.dose(before, step.number), self.dose(week, step.number)
            if old == new:
                continue
            name = esc(step.exercise.name)
            if new is None:
                out.append(f"{name}: paused")
            else:
                out.append(f"{name}: {esc(new.describe())}")
        return out


def week_dates(plan: supple.Plan, week: int) -> str:
    schedule = plan.routine.schedule
    if schedule is None:
        return "any"
    first = schedule.start + dt.timedelta(days=7 * (week - 1))
    last = min(first + dt.timedelta(days=6), schedule.until)
    return date_range(first, last)
