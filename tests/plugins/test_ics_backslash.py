"""Issue 23 item 5: a backslash in routine text is a character, never an escape. A title
written as ``'Morning\\NX-INJECTED:1'`` (a TOML literal string: backslash, then N) must reach
the calendar as those characters, not as a line break, in every TEXT property."""

from __future__ import annotations

import icalendar
import pytest

from supple.testing import export_routine, make_registry
from supple_ics.text import escape

ROUTINE = """
[routine]
title = '{title}'
summary = '{title}'
[schedule]
start = 2026-12-07
weeks = 1
days = ["mon"]
times = ["07:30"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "cat-cow"
note = '{title}'
"""

TITLES = [r"Morning\NX-INJECTED:1", r"a\nb", "a\\", r"\\N\\n\,\;", r"tail\N"]


@pytest.mark.parametrize("title", TITLES)
def test_backslash_sequences_round_trip_through_icalendar(title):
    data = export_routine(ROUTINE.format(title=title), make_registry(builtins=True), "ics",
                          options={"alarm": 5})
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.events
    assert str(event["SUMMARY"]) == f"{title}, week 1 of 1"
    assert str(event.subcomponents[0]["DESCRIPTION"]) == f"{title}, week 1 of 1"
    assert f"   Note: {title}" in str(event["DESCRIPTION"]).split("\n")
    assert str(calendar["DESCRIPTION"]).startswith(title + "\n\n")
    for name in ("NAME", "X-WR-CALNAME"):  # icalendar hands these back still escaped
        assert str(calendar[name]) == escape(title)
    unfolded = data.replace(b"\r\n ", b"")
    assert b"X-INJECTED" not in b"".join(line.split(b":")[0] for line in unfolded.split(b"\r\n"))


@pytest.mark.parametrize("raw, wire", [
    ("a\\b", "a\\\\b"), ("a\\Nb", "a\\\\Nb"), ("a;b,c", "a\\;b\\,c"), ("a\nb", "a\\nb"),
    ("\\\n", "\\\\\\n"),
])
def test_escape_follows_rfc_5545(raw, wire):
    assert escape(raw) == wire
