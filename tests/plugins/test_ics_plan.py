"""The ics exporter writes exactly the plan: an independent parser (recurring-ical-events, which
expands recurrences) finds every planned session at its planned local time and nothing else,
for every bundled routine and across daylight-saving changes; the VTIMEZONE, read on its own
by another parser (dateutil's tzical), gives the same instants; each event carries the steps,
doses, cues and notes of its session."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import export_routine, load_test_routine, make_registry

ROOT = Path(__file__).parents[2]
BUNDLED = sorted((ROOT / "routines").glob("*.toml"))
UTC = dt.UTC


class Moves:
    """Three exercises with cues, for routines written in the tests."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        source = [supple.Source("test")]
        yield supple.ExerciseSet(name="moves", title="Test moves", exercises=[
            supple.Exercise(id="reach", name="Overhead reach", summary="Reach up.", kind="mobility",
                            position="standing", dose=supple.Dose(reps=5), sources=source,
                            cues=("Reach tall.", "Shoulders stay down.", "A third cue."),
                            tags=["spinal-extension"]),
            supple.Exercise(id="hold", name="Long hold", summary="Hold still.", kind="stretch",
                            position="supine", dose=supple.Dose(hold_s=30), sources=source,
                            cues=("Breathe slowly.",)),
            supple.Exercise(id="tilt", name="Pelvic tilt", summary="Tilt.", kind="mobility",
                            position="supine", dose=supple.Dose(reps=8, hold_s=3), sources=source),
        ])


def moves_registry(**more):
    """The test moves with supple's own timing, progression and ics plugins (no safety
    filters, unless given in ``more``)."""
    import supple_ics
    import supple_progression
    import supple_timing

    return make_registry(timing=supple_timing, progression=supple_progression, ics=supple_ics,
                         moves=Moves(), **more)


def expected_sessions(plan):
    """(local wall time, instant) of each session's start and end, from the plan: the end is
    the start plus the session's length rounded up to whole minutes (docs/calendar.md)."""
    zone = ZoneInfo(plan.routine.schedule.timezone)
    out = []
    for session in plan.sessions:
        begin = session.start.astimezone(UTC)
        end = begin + dt.timedelta(minutes=max(1, math.ceil(session.duration_s / 60)))
        out.append((_wall(begin, zone), begin, _wall(end, zone), end))
    return out


def unescape(raw: str) -> str:
    """An RFC 5545 TEXT value, unescaped (``\\n``, ``\\,``, ``\\;``, ``\\\\``)."""
    import re

    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)


def _wall(instant, zone):
    return instant.astimezone(zone).replace(tzinfo=None)


def parsed_occurrences(data: bytes, zone_name: str):
    """What recurring-ical-events expands from the file, as (wall start, instant, wall end,
    instant) in the routine's zone, sorted."""
    calendar = icalendar.Calendar.from_ical(data)
    zone = ZoneInfo(zone_name)
    out = []
    for event in recurring_ical_events.of(calendar).all():
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert isinstance(start, dt.datetime) and start.tzinfo is not None, "no floating times"
        assert isinstance(end, dt.datetime) and end.tzinfo is not None, "no floating times"
        out.append((_wall(start, zone), start.astimezone(UTC), _wall(end, zone), end.astimezone(UTC)))
    return sorted(out, key=lambda item: item[1])


def event_times_from_lines(data: bytes):
    """(name, instant) of each VEVENT's DTSTART and DTEND, read as a client trusting the
    file's VTIMEZONE would."""
    calendar = icalendar.Calendar.from_ical(data)
    own = None
    if calendar.timezones:  # none when every time is in UTC
        (vtimezone,) = calendar.timezones
        own = vtimezone.to_tz(lookup_tzid=False)
        assert not isinstance(own, ZoneInfo)  # really the file's definition, not zoneinfo's
    out = []
    in_event = False
    for line in data.decode("utf-8").replace("\r\n ", "").split("\r\n"):
        if line == "BEGIN:VEVENT":
            in_event = True
        elif line == "END:VEVENT":
            in_event = False
        elif in_event and line.startswith(("DTSTART", "DTEND")):
            name, _, value = line.partition(":")
            if value.endswith("Z"):
                instant = dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            else:
                assert ";TZID=" in name and own is not None
                wall = dt.datetime.strptime(value, "%Y%m%dT%H%M%S")
                instant = wall.replace(tzinfo=own).astimezone(UTC)
            out.append((name.split(";")[0], instant))
    return out


def assert_matches_plan(data: bytes, plan):
    zone_name = plan.routine.schedule.timezone
    expected = expected_sessions(plan)
    assert parsed_occurrences(data, zone_name) == expected
    assert data.count(b"BEGIN:VEVENT\r\n") == len(plan.sessions)
    # a client reading the VTIMEZONE itself lands on the same instants
    from_vtimezone = event_times_from_lines(data)
    assert from_vtimezone[0::2] == [("DTSTART", begin) for _, begin, _, _ in expected]
    assert from_vtimezone[1::2] == [("DTEND", end) for _, _, _, end in expected]
    for event in icalendar.Calendar.from_ical(data).events:
        # local times in the routine's zone; UTC only for the repeated hour (see below)
        zones = {event["DTSTART"].params.get("TZID"), event["DTEND"].params.get("TZID")}
        assert zones == {zone_name} or (
            zones == {None} and event["DTSTART"].dt.utcoffset() == dt.timedelta(0)
        )


# --- every bundled routine, through the command line ------------------------------------------


def test_there_are_bundled_routines_to_export():
    assert len(BUNDLED) >= 7


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_routine_exports_exactly_its_plan(path, tmp_path):
    out = tmp_path / f"{path.stem}.ics"
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "ics", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    plan = supple.build_plan(supple.load_routine(path), make_registry(builtins=True))
    assert plan.sessions
    assert_matches_plan(data, plan)
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.events
    # what a person needs on the day: every step's exercise and dose, and the disclaimer
    for event, session in zip(events, plan.sessions):
        description = str(event["DESCRIPTION"])
        assert f"week {session.week} of {plan.weeks}" in str(event["SUMMARY"])
        for step in session.steps:
            assert f"{step.number}. {step.exercise.name}: {step.dose.describe()}" in description
            for cue in step.exercise.cues[:2]:
                assert f"   - {cue}" in description
            if step.note:
                assert f"   Note: {step.note}" in description
        assert supple.DISCLAIMER in description
    # every change a safety filter made is in every event
    for finding in plan.safety:
        assert finding.reason in str(events[0]["DESCRIPTION"])
    # and re-exporting gives the same bytes
    again = tmp_path / "again.ics"
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "ics", "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == data


# --- daylight-saving changes -------------------------------------------------------------------

MADRID_SPRING = """
[routine]
id = "madrid-spring"
title = "Across the March change"
revised = 2027-03-01
[schedule]
start = 2027-03-22
weeks = 2
days = "daily"
times = ["02:30", "07:30", "21:00"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "reach"
[[steps]]
exercise = "tilt"
"""

NEW_YORK_FALL = """
[routine]
id = "new-york-fall"
title = "Across the November change"
revised = 2026-10-01
[schedule]
start = 2026-10-26
weeks = 2
days = ["mon", "wed", "fri", "sat", "sun"]
times = ["01:30", "18:00"]
timezone = "America/New_York"
[[steps]]
exercise = "hold"
hold = "10m"
sets = 4
"""

NEW_YORK_SPRING = """
[routine]
id = "new-york-spring"
title = "Across the March change"
[schedule]
start = 2027-03-08
until = 2027-03-21
days = "daily"
times = ["02:30", "07:00"]
timezone = "America/New_York"
[[steps]]
exercise = "tilt"
"""


def _plan_and_export(text: str):
    registry = moves_registry()
    routine = tomllib.loads(text)
    plan = supple.build_plan(load_test_routine(routine), registry)
    return plan, export_routine(routine, registry, "ics")


def test_madrid_sessions_keep_their_local_times_across_the_march_change():
    plan, data = _plan_and_export(MADRID_SPRING)
    assert_matches_plan(data, plan)
    walls = [wall for wall, _, _, _ in parsed_occurrences(data, "Europe/Madrid")]
    assert dt.datetime(2027, 3, 27, 7, 30) in walls and dt.datetime(2027, 3, 29, 7, 30) in walls
    # 02:30 does not exist on 28 March: the session moves forward by the gap, as in the plan
    assert dt.datetime(2027, 3, 28, 3, 30) in walls
    assert dt.datetime(2027, 3, 28, 2, 30) not in walls
    offsets = {o.utcoffset() for o in (s.start for s in plan.sessions)}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_new_york_sessions_keep_their_local_times_across_the_november_change():
    plan, data = _plan_and_export(NEW_YORK_FALL)
    assert_matches_plan(data, plan)
    # a 01:30 session of 40+ minutes on 1 November ends in the repeated hour, after the
    # change: that event is written in UTC, so no reader can take the first pass of 01:12
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = [e for e in calendar.events if b"20261101T053000Z" in e.to_ical()]
    assert "TZID" not in event["DTSTART"].params and "TZID" not in event["DTEND"].params
    assert event["DTEND"].dt - event["DTSTART"].dt == dt.timedelta(minutes=42)
    assert b"DTSTART:20261101T053000Z\r\nDTEND:20261101T061200Z\r\n" in data
    # every other event keeps the zone
    assert data.count(b"DTSTART;TZID=America/New_York:") == len(plan.sessions) - 1


def test_new_york_spring_gap_and_change_are_planned_times():
    plan, data = _plan_and_export(NEW_YORK_SPRING)
    assert_matches_plan(data, plan)
    walls = [wall for wall, _, _, _ in parsed_occurrences(data, "America/New_York")]
    assert dt.datetime(2027, 3, 14, 3, 30) in walls
    assert [w for w in walls if w.time() == dt.time(7, 0)] == [
        dt.datetime(2027, 3, day, 7, 0) for day in range(8, 22)
    ]


@pytest.mark.parametrize("zone_name, start", [
    ("UTC", "2027-03-22"),
    ("Asia/Kolkata", "2027-03-22"),
    ("Australia/Sydney", "2027-03-29"),    # clocks go back on 4 April 2027
    ("America/Santiago", "2027-03-29"),    # and on 4 April 2027 in Chile (no yearly rule)
    ("Europe/Dublin", "2027-10-25"),       # "negative" daylight saving in tzdata
])
def test_other_zones_export_exactly_their_plan(zone_name, start):
    text = MADRID_SPRING.replace("Europe/Madrid", zone_name).replace("2027-03-22", start)
    plan, data = _plan_and_export(text)
    assert_matches_plan(data, plan)
    if zone_name == "UTC":
        assert b"BEGIN:VTIMEZONE" not in data and b"TZID" not in data
        assert data.count(b"\r\nDTSTART:") == len(plan.sessions)


def test_vtimezone_is_one_yearly_rule_per_observance_for_thunderbird_and_outlook():
    for text, zone_name in ((MADRID_SPRING, "Europe/Madrid"), (NEW_YORK_FALL, "America/New_York")):
        _, data = _plan_and_export(text)
        (vtimezone,) = icalendar.Calendar.from_ical(data).timezones
        assert str(vtimezone["TZID"]) == zone_name
        names = sorted(part.name for part in vtimezone.subcomponents)
        assert names == ["DAYLIGHT", "STANDARD"]
        for part in vtimezone.subcomponents:
            assert part["RRULE"]["FREQ"] == ["YEARLY"]
            assert "RDATE" not in part
        assert "COMMENT" not in vtimezone
        assert data.count(b"BEGIN:VTIMEZONE") == 1


# --- each event says what to do ----------------------------------------------------------------


def test_event_description_lists_steps_doses_cues_notes_and_disclaimer():
    text = """
[routine]
id = "desc"
title = "Describe me"
summary = "A routine to describe."
[schedule]
start = 2026-12-07
weeks = 1
days = ["mon"]
times = ["07:30"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "reach"
reps = 6
sets = 2
rest = "20s"
per_side = true
load_kg = 1.5
note = "Go gently."
[[steps]]
exercise = "hold"
hold = "45s"
"""
    plan, data = _plan_and_export(text)
    (event,) = icalendar.Calendar.from_ical(data).events
    assert str(event["SUMMARY"]) == "Describe me, week 1 of 1"
    assert str(event["DESCRIPTION"]).split("\n") == [
        f"Week 1 of 1. About {supple.format_seconds(plan.sessions[0].duration_s)}.",
        "",
        "1. Overhead reach: 2 x 6 reps, each side, with 1.5 kg, rest 20 s between sets",
        "   - Reach tall.",
        "   - Shoulders stay down.",
        "   Note: Go gently.",
        "2. Long hold: hold 45 s",
        "   - Breathe slowly.",
        "",
        supple.DISCLAIMER,
    ]
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == "Describe me"
    # icalendar hands X- properties back raw (still escaped): unescape them as RFC 5545 says
    assert unescape(str(calendar["X-WR-CALDESC"])) == str(calendar["DESCRIPTION"])
    assert str(calendar["DESCRIPTION"]) == "A routine to describe.\n\n" + supple.DISCLAIMER


class Cautious:
    """A safety filter that removes the overhead reach."""

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            kept, findings = [], []
            for step in steps:
                if step.exercise.id == "reach":
                    findings.append(supple.SafetyFinding(
                        rule="no-reach", action="removed", reason="Reaching is not for today.",
                        source="Test guideline 2026", exercise="reach", step=step.number))
                    continue
                kept.append(step)
            return supple.SafetyResult(steps=kept, findings=findings)

        yield supple.SafetyFilter(name="cautious", summary="Removes the reach.", apply=apply,
                                  rules={"no-reach": "Removes the overhead reach."})


def test_event_description_says_what_safety_changed():
    registry = moves_registry(cautious=Cautious())
    data = export_routine(tomllib.loads(MADRID_SPRING), registry, "ics")
    for event in icalendar.Calendar.from_ical(data).events:
        description = str(event["DESCRIPTION"])
        assert "What the safety filters changed:" in description
        assert ("- Step 1, Overhead reach: removed. Reaching is not for today. "
                "Source: Test guideline 2026") in description
        assert "Overhead reach:" not in description.split("What the safety")[0]


def test_reminder_is_off_unless_asked_and_then_a_display_alarm():
    registry = moves_registry()
    routine = tomllib.loads(MADRID_SPRING)
    plain = export_routine(routine, registry, "ics")
    assert b"VALARM" not in plain
    data = export_routine(routine, registry, "ics", options={"alarm": 15})
    events = icalendar.Calendar.from_ical(data).events
    for event in events:
        (alarm,) = event.subcomponents
        assert alarm.name == "VALARM"
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == dt.timedelta(minutes=-15)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    # set in the routine file, too
    routine["export"] = {"ics": {"alarm": 5}}
    data = export_routine(routine, registry, "ics")
    assert data.count(b"TRIGGER:-PT5M\r\n") == data.count(b"BEGIN:VEVENT")


def test_calendar_header_is_rfc5545_with_no_method():
    _, data = _plan_and_export(MADRID_SPRING)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//supple//")
    assert "METHOD" not in calendar
    for event in calendar.events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert required in event
        assert "DURATION" not in event
        assert event["DTSTAMP"].to_ical().endswith(b"Z")
