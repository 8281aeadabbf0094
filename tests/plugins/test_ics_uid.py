"""Event UIDs are the standard library's name-based UUIDs (RFC 4122 version 5, uuid.uuid5),
made from a fixed namespace, so every UID supple ever wrote stays the same."""

from __future__ import annotations

import datetime as dt
import uuid

from supple_ics import build


def test_event_uids_are_the_ones_supple_always_wrote():
    # the recipe, spelled out with the standard library
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://supple.invalid/ics/event")
    assert build.NAMESPACE == namespace
    routine = uuid.uuid5(namespace, "routine:morning-mobility")
    assert build.routine_namespace("morning-mobility") == routine
    day = dt.date(2026, 12, 7)
    expected = str(uuid.uuid5(routine, "2026-12-07#2"))
    assert build.event_uid("morning-mobility", day, 2) == expected
    assert build.event_uid(routine, day, 2) == expected
    assert build.event_uid("Ünïcödé ✓ id", day, 1) == str(uuid.uuid5(
        uuid.uuid5(namespace, "routine:Ünïcödé ✓ id"), "2026-12-07#1"))
