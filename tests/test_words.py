"""supple.words: dates and lengths in plain English words, and a plan's weeks, shared by the
exporters (the Markdown and HTML/PDF handouts)."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

import supple.words as words
from supple.testing import make_registry, plan_routine


def test_the_module_examples_run():
    result = doctest.testmod(words)
    assert result.attempted >= 4 and result.failed == 0


@pytest.mark.parametrize("first, last, said", [
    (dt.date(2026, 12, 7), dt.date(2026, 12, 7), "7 December 2026"),
    (dt.date(2026, 12, 7), dt.date(2026, 12, 13), "7 to 13 December 2026"),
    (dt.date(2026, 11, 30), dt.date(2026, 12, 6), "30 November to 6 December 2026"),
    (dt.date(2026, 12, 28), dt.date(2027, 1, 3), "28 December 2026 to 3 January 2027"),
])
def test_date_ranges(first, last, said):
    assert words.date_range(first, last) == said


@pytest.mark.parametrize("seconds, said", [
    (0, "under a minute"), (29, "under a minute"), (30, "about 1 min"), (545, "about 9 min"),
    (3600, "about 1 h"), (3930, "about 1 h 6 min")])
def test_about_minutes(seconds, said):
    assert words.about_minutes(seconds) == said


def test_short_forms():
    assert words.short_date(dt.date(2026, 12, 7)) == "Mon 7 Dec"
    assert words.join_words([]) == "" and words.join_words(["a"]) == "a"
    assert words.join_words(["a", "b"]) == "a and b"
    assert words.plural(1, "week") == "1 week" and words.week_span([1, 2, 3]) == "Weeks 1 to 3"
    assert words.week_span([4]) == "Week 4"


ROUTINE = """
[routine]
title = "Weeks"

[schedule]
start = 2026-12-07
weeks = 3
days = ["mon"]
times = ["08:00"]

[progression]
strategy = "linear"
reps = 1
every = 2
max_reps = 12

[[steps]]
exercise = "pelvic-tilt"
reps = 8
"""


def test_weeks_gives_each_steps_doses_by_phase_and_the_weeks_dates():
    plan = plan_routine(ROUTINE, make_registry(builtins=True))
    weeks = words.Weeks(plan)
    assert weeks.numbers == [1, 2, 3] and [s.exercise.id for s in weeks.steps] == ["pelvic-tilt"]
    assert [weeks.dose(n, 1).reps for n in weeks.numbers] == [8, 8, 9]
    assert [(run, dose.reps) for run, dose in weeks.phases(1)] == [([1, 2], 8), ([3], 9)]
    assert weeks.dose(1, 99) is None
    assert weeks.week_dates(1) == "7 to 13 December 2026"
    assert weeks.week_dates(3) == "21 to 27 December 2026"
