"""The VTIMEZONE the ics exporter writes describes the routine's zone correctly for the whole
span of a plan, in a form Outlook and Thunderbird read: a yearly RRULE per observance where the
zone has one, otherwise one RDATE value per line (ical.js reads only the first value of each),
never icalendar's 1970-2038 RDATE lists and never its misplaced COMMENT.

The offsets are checked with dateutil's tzical, a parser independent of the exporter, against
zoneinfo: every six hours over the span, and every ten minutes around each change."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from supple_ics import zone
from supple_ics.build import _vtimezone

UTC = dt.UTC

#: zones with one yearly rule for each change (both hemispheres, odd offsets, negative DST)
RULED = ["Europe/Madrid", "America/New_York", "Australia/Sydney", "Pacific/Chatham",
         "Australia/Lord_Howe", "Europe/Dublin", "Europe/London"]
#: zones whose changes follow no weekday-of-month rule (Morocco's Ramadan time, Chile's
#: "first Sunday on or after the 2nd", Greenland's "Saturday before the last Sunday"), or
#: whose rules changed recently (Paraguay)
LISTED = ["Africa/Casablanca", "America/Santiago", "America/Nuuk", "America/Asuncion"]
#: zones without changes in the span
FIXED = ["Asia/Tokyo", "UTC", "Asia/Tehran", "Asia/Kolkata", "America/Phoenix"]


def vtimezone(name: str, first: dt.date, last: dt.date) -> icalendar.Timezone:
    component = _vtimezone(name, ZoneInfo(name), first, last, [])
    # through bytes and back, as a client gets it
    return icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + component.to_ical()
        + b"END:VCALENDAR\r\n"
    ).timezones[0]


def instants(zone_info: ZoneInfo, first: dt.date, last: dt.date):
    """Every six hours from ``first`` to ``last``, and every ten minutes for three hours
    either side of each change zoneinfo makes in that span."""
    here = dt.datetime.combine(first, dt.time(), tzinfo=UTC)
    end = dt.datetime.combine(last, dt.time(), tzinfo=UTC)
    step = dt.timedelta(hours=6)
    while here < end:
        yield here
        if here.astimezone(zone_info).utcoffset() != (here + step).astimezone(zone_info).utcoffset():
            near = here - dt.timedelta(hours=3)
            while near < here + step + dt.timedelta(hours=3):
                yield near
                near += dt.timedelta(minutes=10)
        here += step


SPANS = [(dt.date(2026, 12, 7), dt.date(2027, 1, 17)),   # six weeks in winter
         (dt.date(2027, 3, 1), dt.date(2027, 11, 30)),   # both northern changes
         (dt.date(2026, 12, 7), dt.date(2029, 12, 1))]   # three years (the longest plan)


@pytest.mark.parametrize("span", SPANS, ids=["6-weeks", "spring-to-autumn", "3-years"])
@pytest.mark.parametrize("name", RULED + LISTED + FIXED)
def test_vtimezone_gives_zoneinfo_offsets_over_the_whole_plan(name, span):
    first, last = span
    component = vtimezone(name, first, last)
    assert str(component["TZID"]) == name
    own = component.to_tz(lookup_tzid=False)
    assert not isinstance(own, ZoneInfo)
    real = ZoneInfo(name)
    wrong = [t for t in instants(real, first, last + dt.timedelta(days=1))
             if t.astimezone(own).utcoffset() != t.astimezone(real).utcoffset()]
    assert wrong == []


@pytest.mark.parametrize("name", RULED)
def test_zone_with_yearly_rules_gets_one_rrule_per_observance(name):
    component = vtimezone(name, dt.date(2026, 12, 7), dt.date(2029, 12, 1))
    parts = component.subcomponents
    assert sorted(part.name for part in parts) == ["DAYLIGHT", "STANDARD"]
    for part in parts:
        assert part["RRULE"]["FREQ"] == ["YEARLY"]
        assert "RDATE" not in part
    # the daylight observance is the one with the higher offset (Dublin's winter time is
    # "negative daylight saving" in tzdata; clients expect summer time as DAYLIGHT)
    (daylight,) = component.walk("DAYLIGHT")
    (standard,) = component.walk("STANDARD")
    assert daylight["TZOFFSETTO"].td > standard["TZOFFSETTO"].td


def test_madrid_rules_are_the_last_sundays_of_march_and_october():
    component = vtimezone("Europe/Madrid", dt.date(2026, 12, 7), dt.date(2027, 1, 17))
    raw = component.to_ical().decode()
    assert "BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n" in raw
    assert "BEGIN:STANDARD\r\nDTSTART:20241027T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in raw
    assert "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200" in raw
    assert "COMMENT" not in raw


@pytest.mark.parametrize("name", LISTED)
def test_irregular_zone_lists_each_change_with_one_value_per_rdate_line(name):
    component = vtimezone(name, dt.date(2026, 12, 7), dt.date(2029, 12, 1))
    raw = component.to_ical().decode().replace("\r\n ", "")
    rdates = [line for line in raw.split("\r\n") if line.startswith("RDATE")]
    assert all("," not in line for line in rdates)
    assert "RRULE" not in raw


@pytest.mark.parametrize("name", FIXED)
def test_zone_without_changes_is_a_single_observance(name):
    component = vtimezone(name, dt.date(2026, 12, 7), dt.date(2027, 1, 17))
    (part,) = component.subcomponents
    assert part["TZOFFSETFROM"].td == part["TZOFFSETTO"].td
    assert "RRULE" not in part and "RDATE" not in part


def test_rule_inference_refuses_what_is_not_a_yearly_weekday_rule():
    march = [dt.datetime(2025, 3, 30, 2), dt.datetime(2026, 3, 29, 2), dt.datetime(2027, 3, 28, 2)]
    assert zone._rule_for(march) == zone.Rule(3, -1, 6)
    second = [dt.datetime(2026, 3, 8, 2), dt.datetime(2027, 3, 14, 2)]
    assert zone._rule_for(second) == zone.Rule(3, 2, 6)
    assert zone._rule_for([march[0], march[2]]) is None          # a year missing
    assert zone._rule_for([march[0], dt.datetime(2026, 3, 29, 3)]) is None  # another time
    assert zone._rule_for([dt.datetime(2026, 4, 5), dt.datetime(2027, 4, 11)]) is None


def test_checked_instants_that_disagree_are_refused():
    # the verification the exporter runs on every session: a wrong offset is caught
    madrid = ZoneInfo("Europe/Madrid")
    good = dt.datetime(2027, 7, 1, 12, tzinfo=madrid)
    zone.observances(madrid, dt.date(2027, 6, 1), dt.date(2027, 8, 1), [good])
    with pytest.raises(ValueError):
        zone._verified(
            [zone.Observance(False, "CET", dt.timedelta(hours=1), dt.timedelta(hours=1),
                             dt.datetime(2027, 1, 1))],
            madrid, [good], dt.datetime(2027, 8, 1, tzinfo=UTC))
