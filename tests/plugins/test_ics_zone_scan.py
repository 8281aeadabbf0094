"""The exporter's scan for a zone's transitions (supple_ics.zone.transitions, which steps a day
at a time and compares raw zoneinfo values first) finds exactly what the straightforward scan
finds (a full State every 12 hours, as the exporter did before), for every zone zoneinfo has,
over the span of real plans, around the end of the tz database's transition tables and in the
years with the shortest-lived states. And the one-day step is safe: no state in the tz
database lasts anywhere near a day."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from zoneinfo import ZoneInfo

import pytest

from supple_ics import zone

UTC = dt.UTC
SECOND = dt.timedelta(seconds=1)

#: zones with odd or irregular changes that must be among those checked
NOTABLE = ["Africa/Casablanca", "America/Sao_Paulo", "Europe/Dublin", "Australia/Lord_Howe",
           "Pacific/Apia", "Asia/Tehran", "America/Godthab", "America/Nuuk", "Antarctica/Troll",
           "Asia/Gaza", "Africa/Freetown", "America/Cambridge_Bay", "America/Recife"]
ZONES = sorted(zoneinfo.available_timezones() | {"UTC"})


def straightforward_scan(tz: dt.tzinfo, start: dt.datetime, end: dt.datetime):
    """The scan as the exporter first wrote it: the full state every 12 hours, bisected to the
    second where it changed."""
    step = dt.timedelta(hours=12)
    current = initial = zone.state(tz, start)
    found = []
    here = start
    while here < end:
        ahead = min(here + step, end)
        if zone.state(tz, ahead) == current:
            here = ahead
            continue
        low, high = here, ahead
        while high - low > SECOND:
            middle = low + dt.timedelta(seconds=(high - low) // SECOND // 2)
            if zone.state(tz, middle) == current:
                low = middle
            else:
                high = middle
        after = zone.state(tz, high)
        found.append(zone.Transition(high, current, after))
        current, here = after, high
    return initial, found


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


RANGES = {
    # what observances() scans for a six-week plan from 2026-12-07: two years back, two days on
    "6-week-plan": (utc(2024, 1, 1), utc(2027, 1, 19)),
    # a three-year plan from 2027-03-01, across the end of the zone files' transition tables
    # (2037), where zoneinfo goes on with each zone's POSIX rule
    "3-year-plan": (utc(2025, 1, 1), utc(2030, 3, 3)),
    "table-end": (utc(2036, 1, 1), utc(2039, 1, 1)),
    # the Second World War: many zones' shortest-lived states (Freetown's lasted four days)
    "1938-1946": (utc(1938, 1, 1), utc(1946, 1, 1)),
}


def test_every_notable_zone_is_checked():
    assert set(NOTABLE) <= set(ZONES)


@pytest.mark.slow
@pytest.mark.parametrize("span", RANGES.values(), ids=RANGES.keys())
def test_transitions_are_those_of_the_straightforward_scan_in_every_zone(span):
    start, end = span
    differ = [name for name in ZONES
              if zone.transitions(ZoneInfo(name), start, end)
              != straightforward_scan(ZoneInfo(name), start, end)]
    assert differ == []


@pytest.mark.parametrize(("name", "start", "end"), [
    ("Africa/Freetown", utc(1939, 6, 1), utc(1939, 12, 1)),        # -0040 again for four days
    ("America/Cambridge_Bay", utc(2000, 9, 1), utc(2001, 5, 1)),   # EST for a week
    ("America/Recife", utc(2000, 9, 1), utc(2001, 5, 1)),          # summer time for a week
])
def test_states_that_lasted_days_are_found_to_the_second(name, start, end):
    tz = ZoneInfo(name)
    initial, found = zone.transitions(tz, start, end)
    assert (initial, found) == straightforward_scan(tz, start, end)
    assert min(b.at - a.at for a, b in zip(found, found[1:])) < dt.timedelta(days=8)
    for item in found:  # the state changes exactly there
        assert zone.state(tz, item.at - SECOND) == item.before != item.after == zone.state(tz, item.at)


@pytest.mark.parametrize("name", ["Asia/Gaza", "Asia/Hebron", "Africa/Casablanca"])
def test_predicted_ramadan_breaks_are_found(name):
    # tzdata predicts Palestine's and Morocco's changes around Ramadan for decades ahead; in
    # some years Palestine's summer time stops for a week only (2040 in tzdata 2025b)
    start, end = utc(2039, 1, 1), utc(2042, 1, 1)
    assert zone.transitions(ZoneInfo(name), start, end) == straightforward_scan(ZoneInfo(name), start, end)


def test_the_step_is_far_shorter_than_any_state_in_the_tz_database():
    # The safety argument behind the one-day step, checked on the installed tz database: a
    # state shorter than the step could be stepped over. This reads the transition tables
    # through the stdlib's pure-Python zoneinfo (private attributes, so a Python upgrade may
    # need this test adapted); the rules after the tables are covered by the scans above.
    from zoneinfo._zoneinfo import ZoneInfo as PyZoneInfo

    def key(info):
        return info.utcoff, bool(info.dstoff), info.tzname

    shortest = None
    for name in ZONES:
        tz = PyZoneInfo.no_cache(name)
        previous = key(tz._tti_before) if tz._tti_before is not None else None
        changes = []
        for at, info in zip(tz._trans_utc, tz._ttinfos):
            if key(info) != previous:
                changes.append(at)
                previous = key(info)
        for begin, end in zip(changes, changes[1:]):
            if shortest is None or end - begin < shortest[0]:
                shortest = (end - begin, name)
    assert shortest is not None
    lasted = dt.timedelta(seconds=shortest[0])
    assert lasted >= 3 * zone._STEP, shortest  # 3 days 23 h 40 min in tzdata 2025b
