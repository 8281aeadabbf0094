"""Identity and determinism of ics exports: UIDs stay the same when a routine's doses, notes or
title change (so a re-import or subscription updates events instead of duplicating them),
carry no personal data, and come from the routine's id; DTSTAMP comes from the routine, never
the clock; the same routine gives the same bytes, in-process and in fresh interpreters with
other hash seeds, time zones and locales."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

import icalendar
import pytest

import supple
from supple.testing import export_routine, make_registry

ROOT = Path(__file__).parents[2]

BASE = """
[routine]
id = "knees-2026"
title = "Knee-friendly mornings"
summary = "For Maria: gentle mornings."
revised = 2026-11-20
[schedule]
start = 2026-12-07
weeks = 3
days = ["mon", "wed", "fri"]
times = ["07:30", "19:00"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "reach"
reps = 5
note = "Slowly."
[[steps]]
exercise = "tilt"
"""


class Moves:
    @supple.hookimpl
    def supple_exercise_sets(self):
        source = [supple.Source("test")]
        yield supple.ExerciseSet(name="moves", title="Test moves", exercises=[
            supple.Exercise(id="reach", name="Overhead reach", summary="Reach up.", kind="mobility",
                            position="standing", dose=supple.Dose(reps=5), sources=source),
            supple.Exercise(id="tilt", name="Pelvic tilt", summary="Tilt.", kind="mobility",
                            position="supine", dose=supple.Dose(reps=8, hold_s=3), sources=source),
        ])


@pytest.fixture(scope="module")
def registry():
    import supple_ics
    import supple_progression
    import supple_timing

    return make_registry(timing=supple_timing, progression=supple_progression, ics=supple_ics,
                         moves=Moves())


def export(registry, text=BASE, **options):
    return export_routine(tomllib.loads(text), registry, "ics", options=options or None)


def uids(data: bytes) -> list[str]:
    return [str(event["UID"]) for event in icalendar.Calendar.from_ical(data).events]


def starts(data: bytes) -> list[str]:
    return [event["DTSTART"].to_ical().decode() for event in icalendar.Calendar.from_ical(data).events]


def test_uids_are_unique_name_based_uuids(registry):
    found = uids(export(registry))
    assert len(found) == 3 * 3 * 2
    assert len(set(found)) == len(found)
    for uid in found:
        assert uuid.UUID(uid).version == 5 and str(uuid.UUID(uid)) == uid


@pytest.mark.parametrize("edit", [
    ("reps = 5", "reps = 12\nsets = 3"),                    # a dose
    ('note = "Slowly."', 'note = "Much more slowly, with care."'),  # a note
    ('title = "Knee-friendly mornings"', 'title = "Renamed"'),  # the title
    ('summary = "For Maria: gentle mornings."', 'summary = ""'),
    ("revised = 2026-11-20", "revised = 2026-12-01"),
    ('exercise = "tilt"', 'exercise = "tilt"\n[[steps]]\nexercise = "reach"'),  # another step
    ('times = ["07:30", "19:00"]', 'times = ["08:15", "19:30"]'),  # session moved, same slot
], ids=["dose", "note", "title", "summary", "revised", "steps", "times"])
def test_uids_survive_edits_so_reimport_updates(registry, edit):
    before, after = edit
    assert before in BASE
    edited = export(registry, BASE.replace(before, after))
    assert uids(edited) == uids(export(registry))


def test_moving_a_session_keeps_its_uid_and_changes_its_time(registry):
    moved = export(registry, BASE.replace('times = ["07:30", "19:00"]', 'times = ["08:15", "19:00"]'))
    assert starts(moved)[0] == "20261207T081500" and starts(export(registry))[0] == "20261207T073000"
    assert uids(moved)[0] == uids(export(registry))[0]


def test_more_sessions_keep_the_existing_uids(registry):
    base = uids(export(registry))
    longer = uids(export(registry, BASE.replace("weeks = 3", "weeks = 4")))
    assert longer[: len(base)] == base and len(longer) > len(base)
    third = uids(export(registry, BASE.replace('"19:00"]', '"19:00", "21:00"]')))
    assert set(base) < set(third)


def test_uids_depend_on_the_routine_id_and_nothing_personal(registry):
    data = export(registry)
    other = export(registry, BASE.replace('id = "knees-2026"', 'id = "knees-2027"'))
    assert not set(uids(data)) & set(uids(other))
    for uid in uids(data):
        for personal in ("maria", "knee", "2026", "mornings"):
            assert personal not in uid.lower()
    # a profile changes the plan, never the UIDs
    profile = {"profile": {"pain": 2, "age": 71}}
    with_profile = export_routine(tomllib.loads(BASE), registry, "ics", profile=profile)
    assert uids(with_profile) == uids(data)


def test_routine_id_defaults_to_the_file_name(registry, tmp_path):
    text = BASE.replace('id = "knees-2026"\n', "")
    first = tmp_path / "knees-2026.toml"
    first.write_text(text, encoding="utf-8")
    assert uids(export_routine(str(first), registry, "ics")) == uids(export(registry))


def test_dtstamp_is_the_routine_revision_never_the_clock(registry, monkeypatch):
    # were icalendar's "now" used anywhere, this date would show up
    monkeypatch.setattr(icalendar.cal.component.Component, "_utc_now",
                        staticmethod(lambda: dt.datetime(1999, 9, 9, tzinfo=dt.UTC)))
    data = export(registry)
    assert b"1999" not in data
    stamps = {event["DTSTAMP"].to_ical() for event in icalendar.Calendar.from_ical(data).events}
    assert stamps == {b"20261120T000000Z"}
    undated = export(registry, BASE.replace("revised = 2026-11-20\n", ""))
    stamps = {event["DTSTAMP"].to_ical() for event in icalendar.Calendar.from_ical(undated).events}
    assert stamps == {b"20261207T000000Z"}  # the schedule's start


def test_sequence_is_zero_unless_set(registry):
    data = export(registry)
    assert data.count(b"SEQUENCE:0\r\n") == data.count(b"BEGIN:VEVENT") == 18
    bumped = export(registry, sequence=4)
    assert bumped.count(b"SEQUENCE:4\r\n") == 18
    assert uids(bumped) == uids(data)


def test_events_are_private_unless_asked(registry):
    assert export(registry).count(b"CLASS:PRIVATE\r\n") == 18
    assert b"CLASS" not in export(registry, private=False)


def test_exporting_twice_gives_the_same_bytes(registry):
    assert export(registry) == export(registry)
    assert export(registry, alarm=10) == export(registry, alarm=10)


def _export_in_subprocess(path: Path, environ: dict[str, str]) -> bytes:
    env = {key: value for key, value in os.environ.items() if key not in ("TZ", "LC_ALL", "LANG")}
    env.update(environ)
    result = subprocess.run(
        [sys.executable, "-m", "supple", "export", str(path), "--to", "ics", "-O", "alarm=10",
         "--start", "2026-12-07", "--timezone", "Europe/Madrid"],
        capture_output=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_same_bytes_with_other_hash_seeds_time_zones_and_locales():
    path = ROOT / "routines" / "desk-break.toml"
    first = _export_in_subprocess(path, {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C"})
    second = _export_in_subprocess(
        path, {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Auckland", "LC_ALL": "C.UTF-8"})
    assert first == second
    assert first.startswith(b"BEGIN:VCALENDAR\r\n") and first.count(b"BEGIN:VEVENT") == 60
    assert re.search(rb"DTSTAMP:20261101T000000Z", first)
