"""supple sync touches only its own events: foreign events survive, events the person edited
or deleted are kept and reported (unless --force), a shortened programme removes future
sessions only, and past sessions are never changed (real Radicale server)."""

from __future__ import annotations

import datetime as dt

import icalendar

from supple.sync.credentials import Credentials
from supple.sync.events import local_events, routine_token
from supple.sync.remote import Server
from supple.sync.run import sync as run_sync

FOREIGN = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//someone else//EN\r
BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20260101T000000Z\r
DTSTART:{start}\r
DURATION:PT1H\r
SUMMARY:Dentist\r
{extra}END:VEVENT\r
END:VCALENDAR\r
"""


def _foreign(uid: str, day: dt.date, extra: str = "") -> str:
    return FOREIGN.format(uid=uid, start=day.strftime("%Y%m%dT090000Z"), extra=extra)


def test_foreign_events_survive_every_kind_of_sync(cal, today):
    start = today + dt.timedelta(days=3)
    assert cal.put("dentist.ics", _foreign("dentist-1@example.org", start)) == 201
    # another routine's supple event, and an event pretending with a wrong token
    other = _foreign("other-routine-1", start, f"X-SUPPLE-ROUTINE:{routine_token('another')}\r\n")
    assert cal.put("other.ics", other) == 201
    before = {href: etag for href, (etag, _e) in cal.resources().items()}

    cal.sync_json(cal.routine(start=start, weeks=2))
    cal.sync_json(cal.routine(start=start, weeks=2, reps=11))  # changes every session
    report = cal.sync_json(cal.routine(start=start, weeks=1))  # removes the second week
    assert report["counts"]["removed"] == 7

    after = cal.resources()
    for href, etag in before.items():
        assert href in after and after[href][0] == etag, href  # untouched, byte for byte
    assert len(after) == 2 + 7
    assert cal.sync_json(cal.routine(start=start, weeks=1), "--force")["counts"]["writes"] == 0
    assert {h: e for h, (e, _v) in cal.resources().items() if h in before} == before


def test_an_event_edited_in_the_calendar_is_kept_and_reported_until_force(cal, today):
    start = today + dt.timedelta(days=3)
    cal.sync_json(cal.routine(start=start))
    href, (etag, event) = sorted(cal.resources().items())[0]
    uid = str(event["UID"])
    event["SUMMARY"] = icalendar.vText("Moved to lunchtime")
    event["DTSTART"] = icalendar.vDDDTypes(event["DTSTART"].dt + dt.timedelta(hours=5))
    event["DTEND"] = icalendar.vDDDTypes(event["DTEND"].dt + dt.timedelta(hours=5))
    wrapper = icalendar.Calendar()
    wrapper.add("PRODID", "-//a calendar app//EN")
    wrapper.add("VERSION", "2.0")
    wrapper.add_component(event)
    assert cal.put(href.rsplit("/", 1)[1], wrapper.to_ical(), etag) in (201, 204)

    changed = cal.routine(start=start, reps=12)
    result = cal.sync(changed)
    assert result.exit_code == 0, result.output
    assert "Added 0, changed 13, removed 0; kept because edited 1" in result.stdout
    assert "kept, edited in your calendar (--force overwrites it)" in result.stdout
    assert str(cal.events()[uid]["SUMMARY"]) == "Moved to lunchtime"

    report = cal.sync_json(changed)  # still found as edited on the next run
    assert report["counts"]["kept_edited"] == 1 and report["counts"]["writes"] == 0
    assert report["kept_edited"][0]["uid"] == uid and report["kept_edited"][0]["reason"] == "edited"

    forced = cal.sync_json(changed, "--force")
    assert forced["counts"]["changed"] == 1 and forced["counts"]["writes"] == 1
    back = cal.events()[uid]
    assert str(back["SUMMARY"]) != "Moved to lunchtime" and "12 reps" in str(back["DESCRIPTION"])
    assert int(back["SEQUENCE"]) >= 1
    assert cal.sync_json(changed)["counts"]["writes"] == 0


def test_an_event_deleted_in_the_calendar_is_not_put_back_until_force(cal, today):
    start = today + dt.timedelta(days=3)
    routine = cal.routine(start=start)
    cal.sync_json(routine)
    href, (_etag, event) = sorted(cal.resources().items())[3]
    assert cal.delete(href) in (200, 204)
    report = cal.sync_json(routine)
    assert report["counts"]["kept_edited"] == 1 and report["kept_edited"][0]["reason"] == "deleted"
    assert report["counts"]["writes"] == 0 and len(cal.events()) == 13
    forced = cal.sync_json(routine, "--force")
    assert forced["counts"]["added"] == 1 and len(cal.events()) == 14


def test_an_imported_copy_of_the_same_session_is_not_overwritten_without_force(cal, today):
    """The person imported the .ics file into the same calendar before syncing: same UIDs,
    but not supple sync's events. They are reported, never duplicated."""
    start = today + dt.timedelta(days=3)
    routine = cal.routine(start=start)
    exported = icalendar.Calendar.from_ical(cal.export(routine))
    first = next(iter(exported.walk("VEVENT")))
    single = icalendar.Calendar()
    single.add("PRODID", "-//import//EN")
    single.add("VERSION", "2.0")
    for zone in exported.walk("VTIMEZONE"):
        single.add_component(zone)
    single.add_component(first)
    assert cal.put("imported.ics", single.to_ical()) == 201

    report = cal.sync_json(routine)
    assert report["counts"]["added"] == 13 and report["counts"]["kept_edited"] == 1
    assert report["kept_edited"][0]["reason"] == "not-supple"
    assert len(cal.events()) == 14  # no duplicate UID
    forced = cal.sync_json(routine, "--force")
    assert forced["counts"]["changed"] == 1
    events = cal.events()
    assert len(events) == 14
    assert str(events[str(first["UID"])]["X-SUPPLE-ROUTINE"]) == routine_token("sync-test")


def test_a_shortened_programme_removes_future_sessions_and_never_touches_past_ones(cal, today):
    start = today - dt.timedelta(days=7)
    year = cal.routine(start=start, weeks=3)
    # the first sync happened before the programme began: every session was written
    server = Server(cal.url, Credentials("alice", cal_password()))
    try:
        run_sync(server, local_events(cal.export(year)), routine_token("sync-test"),
                 dt.datetime.combine(start - dt.timedelta(days=1), dt.time(), dt.UTC))
    finally:
        server.close()
    assert len(cal.events()) == 21
    before = {href: etag for href, (etag, _e) in cal.resources().items()}

    # two weeks instead of three, and a new dose: today the past sessions stay as they were
    shorter = cal.routine(start=start, weeks=2, reps=12)
    report = cal.sync_json(shorter)
    now = dt.datetime.now(dt.UTC)
    after = cal.resources()
    removed = set(before) - set(after)
    assert report["counts"]["removed"] == len(removed) == 7
    for href, (etag, event) in after.items():
        if event["DTSTART"].dt < now:
            assert etag == before[href], "a past session was changed"
            assert "8 reps" in str(event["DESCRIPTION"])
        else:
            assert "12 reps" in str(event["DESCRIPTION"])
    assert report["counts"]["past"] >= 7
    assert report["counts"]["past"] + report["counts"]["changed"] == 14


def cal_password() -> str:
    from supple_test_radicale import PASSWORD

    return PASSWORD
