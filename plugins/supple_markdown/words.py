"""The Markdown handout's words for a plan's weeks: supple's :mod:`supple.words` (dates and
lengths spelled out, never by the locale) plus what changes from one week to the next, as
escaped Markdown text (exercise names come from plugins)."""

from __future__ import annotations

import supple
from supple import words
from supple_markdown.escape import text as esc


class Weeks(words.Weeks):
    """The plan's weeks, with the changes from week to week."""

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
            out.append(f"{name}: paused" if new is None else f"{name}: {esc(new.describe())}")
        return out


def week_dates(plan: supple.Plan, week: int) -> str:
    """The dates of a week, ``any`` for a routine without a schedule."""
    return words.Weeks(plan).week_dates(week) or "any"
