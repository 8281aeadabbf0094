"""`supple sync` against a real Radicale server: the calendar gets exactly the ``ics``
exporter's events, a second run writes nothing, and ``--dry-run`` shows exact counts without
writing (tests/sync/conftest.py starts the server)."""

from __future__ import annotations

import datetime as dt

import icalendar

from supple.sync.events import routine_token

COMPARED = ("SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "CLASS", "TRANSP")


def test_first_sync_writes_exactly_the_exported_events_and_the_second_writes_nothing(cal, today):
    routine = cal.routine(start=today + dt.timedelta(days=3))
    exported = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(cal.export(routine)).walk("VEVENT")}
    assert len(exported) == 14

    first = cal.sync_json(routine)
    assert first["counts"]["added"] == 14 and first["counts"]["writes"] == 14
    assert cal.server.requests().get("PUT") == 14

    remote = cal.events()
    assert set(remote) == set(exported)
    for uid, event in remote.items():
        for name in COMPARED:
            assert event[name].to_ical() == exported[uid][name].to_ical(), (uid, name)
        assert str(event["X-SUPPLE-ROUTINE"]) == routine_token("sync-test")
        assert int(event["SEQUENCE"]) == 0

    writes = cal.server.writes()
    second = cal.sync_json(routine)
    assert second["counts"] == {"added": 0, "changed": 0, "kept_edited": 0, "removed": 0,
                                "unchanged": 14, "past": 0, "conflicts": 0, "writes": 0}
    assert cal.server.writes() == writes


def test_dry_run_shows_exact_counts_and_writes_nothing(cal, today, env):
    routine = cal.routine(start=today + dt.timedelta(days=3))
    writes = cal.server.writes()
    result = cal.sync(routine, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Would add 14, change 0, remove 0; kept because edited 0; unchanged 0" in result.stdout
    assert result.stdout.count("\n  + ") == 14
    assert cal.server.writes() == writes
    assert cal.events() == {}
    assert not env.exists()  # no state file either

    cal.sync_json(routine)
    longer = cal.routine(start=today + dt.timedelta(days=3), weeks=3, reps=9)
    report = cal.sync_json(longer, "--dry-run")
    assert report["dry_run"] is True
    assert report["counts"]["added"] == 7 and report["counts"]["changed"] == 14
    assert len(report["added"]) == 7 and len(report["changed"]) == 14
    assert report["counts"]["writes"] == 0
    assert cal.server.writes() == writes + 14


def test_changed_doses_update_events_with_a_higher_sequence(cal, today):
    start = today + dt.timedelta(days=3)
    cal.sync_json(cal.routine(start=start))
    changed = cal.routine(start=start, reps=12)
    writes = cal.server.writes()
    report = cal.sync_json(changed)
    assert report["counts"]["changed"] == 14 and report["counts"]["writes"] == 14
    assert cal.server.writes() == writes + 14
    exported = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(cal.export(changed)).walk("VEVENT")}
    for uid, event in cal.events().items():
        assert "12 reps" in str(event["DESCRIPTION"])
        assert event["DESCRIPTION"] == exported[uid]["DESCRIPTION"]
        assert int(event["SEQUENCE"]) == 1
    assert cal.sync_json(changed)["counts"]["writes"] == 0


def test_a_new_session_time_moves_events_and_adds_the_second_session(cal, today):
    start = today + dt.timedelta(days=3)
    cal.sync_json(cal.routine(start=start))
    moved = cal.routine(start=start, times='["08:15", "19:00"]')
    report = cal.sync_json(moved)
    assert report["counts"]["changed"] == 14 and report["counts"]["added"] == 14
    events = cal.events()
    assert len(events) == 28
    starts = sorted(e["DTSTART"].dt.strftime("%H:%M") for e in events.values())
    assert starts.count("08:15") == 14 and starts.count("19:00") == 14


def test_state_file_lost_resync_writes_nothing(cal, today, env):
    routine = cal.routine(start=today + dt.timedelta(days=3))
    cal.sync_json(routine)
    files = list((env / "sync").glob("*.json"))
    assert len(files) == 1
    files[0].unlink()
    writes = cal.server.writes()
    report = cal.sync_json(routine)
    assert report["counts"]["unchanged"] == 14 and report["counts"]["writes"] == 0
    assert cal.server.writes() == writes
