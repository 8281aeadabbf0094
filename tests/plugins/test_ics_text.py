"""Text from routines, profiles and plugins can never end an ICS property or add one: control
characters are stripped, line breaks become escaped newlines (or spaces where one line is
wanted), and backslash, semicolon and comma are escaped. Hostile text goes into every field
(title, summary, notes, exercise names and cues, safety findings, timing notes); the file must
parse to exactly the planned events, each with exactly the expected properties, whose values
are the cleaned input. The wire format stays RFC 5545: CRLF, lines of at most 75 octets,
folded between characters, never inside one."""

from __future__ import annotations

import datetime as dt
import tomllib

import icalendar
import pytest

import supple
from supple.testing import export_routine, make_registry
from supple_ics.text import clean

INJECT = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nDTSTART:20000101T000000Z\r\n"
NASTY = "a;b,c\\d\\n:e\x0cf\x1b[31mg\x00h\x7fi\u202ej\rk\nl\u2028m\x85n 😀🧘🏽‍♀️"
#: NASTY cleaned for a single line: CR, LF and U+2028 become spaces; form feed, ESC, NUL, DEL,
#: NEL and the bidi override go; ; , \ and : stay as text
NASTY_LINE = "a;b,c\\d\\n:ef[31mghij k l mn 😀🧘🏽‍♀️"
NASTY_TEXT = "a;b,c\\d\\n:ef[31mghij\nk\nl\nmn 😀🧘🏽‍♀️"
#: NASTY as it arrives through a routine file: the loader has already dropped U+2028
NASTY_FILE_LINE = "a;b,c\\d\\n:ef[31mghij k lmn 😀🧘🏽‍♀️"
NASTY_FILE_TEXT = "a;b,c\\d\\n:ef[31mghij\nk\nlmn 😀🧘🏽‍♀️"
INJECT_LINE = "END:VEVENT BEGIN:VEVENT UID:evil DTSTART:20000101T000000Z"
LONG = ("Ünïcödé 😀 " * 400)[:2000]


@pytest.mark.parametrize("raw, line, text", [
    ("plain", "plain", "plain"),
    ("a\r\nb", "a b", "a\nb"),
    ("a\rb", "a b", "a\nb"),
    ("a\u2029b", "a b", "a\nb"),
    ("tab\there", "tab here", "tab here"),
    ("  spaced   out  ", "spaced out", "spaced out"),
    ("\x00\x01\x08\x0b\x0c\x1f\x7f\x80\x9f", "", ""),
    ("rtl\u202eevil\u2066x\u2069", "rtlevilx", "rtlevilx"),
    ("lone \ud800 surrogate", "lone surrogate", "lone surrogate"),
    ("family 👨‍👩‍👧 keeps its joiners", "family 👨‍👩‍👧 keeps its joiners",
     "family 👨‍👩‍👧 keeps its joiners"),
    (NASTY, NASTY_LINE, NASTY_TEXT),
])
def test_clean_strips_control_characters_and_normalises_line_breaks(raw, line, text):
    assert clean(raw, single_line=True) == line
    assert clean(raw) == text


class Hostile:
    """Content, a safety filter and a timing strategy whose every text is hostile."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="evil", title="Evil" + INJECT, exercises=[
            supple.Exercise(
                id="move", name="Move" + INJECT, summary=NASTY, kind="mobility",
                position="standing", dose=supple.Dose(reps=3), sources=[supple.Source(NASTY)],
                cues=(NASTY, INJECT, "third cue never shown"), instructions=(NASTY,)),
            supple.Exercise(
                id="other", name=NASTY, summary="x", kind="stretch", position="supine",
                dose=supple.Dose(hold_s=10), sources=[supple.Source("s")], cues=(LONG,)),
        ])

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            finding = supple.SafetyFinding(
                rule="evil-rule", action="warned", reason="Because" + INJECT, source=NASTY,
                exercise="move", step=1)
            return supple.SafetyResult(steps=steps, findings=[finding])

        yield supple.SafetyFilter(name="evil-filter", summary="Warns.", apply=apply,
                                  rules={"evil-rule": "Warns with hostile text."})

    @supple.hookimpl
    def supple_timing_strategies(self):
        import supple_timing
        from supple_timing.options import SteadyOptions

        def build(steps, options):
            timeline = supple_timing.lay_out(steps, SteadyOptions())
            return supple.evolve(timeline, notes=("Timing" + INJECT, NASTY))

        yield supple.TimingStrategy(name="evil-timing", summary="Steady, with notes.", build=build)


ROUTINE = {
    "routine": {"id": "hostile", "title": "Title" + INJECT + NASTY, "summary": "Summary" + INJECT + NASTY,
                "revised": dt.date(2026, 11, 1)},
    "schedule": {"start": dt.date(2026, 12, 7), "weeks": 1, "days": ["mon", "thu"],
                 "times": ["07:30", "18:00"], "timezone": "Europe/Madrid"},
    "timing": {"strategy": "evil-timing"},
    "steps": [{"exercise": "move", "note": "Note" + INJECT + NASTY},
              {"exercise": "other", "note": LONG}],
}
SESSIONS = 4


@pytest.fixture(scope="module")
def exported():
    import supple_ics
    import supple_progression

    registry = make_registry(progression=supple_progression, ics=supple_ics, evil=Hostile(),
                             strict=True)
    routine = tomllib.loads(_toml(ROUTINE))
    return export_routine(routine, registry, "ics", options={"alarm": 5})


def _toml(data) -> str:
    import tomli_w

    return tomli_w.dumps(data)


def test_hostile_text_adds_no_event_and_no_property(exported):
    calendar = icalendar.Calendar.from_ical(exported)
    assert len(calendar.events) == SESSIONS
    assert exported.count(b"\r\nBEGIN:VEVENT\r\n") == SESSIONS
    assert exported.count(b"\r\nUID:") == SESSIONS
    assert b"UID:evil" not in exported.replace(b"\r\n ", b"").split(b"\\n")[0]
    for event in calendar.events:
        assert sorted(event.keys()) == sorted([
            "UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION",
            "TRANSP", "CLASS"])
        assert not str(event["UID"]).startswith("evil")
        assert event["DTSTART"].dt.year == 2026
        (alarm,) = event.subcomponents
        assert sorted(alarm.keys()) == ["ACTION", "DESCRIPTION", "TRIGGER"]
    assert sorted(calendar.keys()) == sorted([
        "VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC",
        "REFRESH-INTERVAL", "X-PUBLISHED-TTL"])
    # every content line starts with a known property name (after unfolding)
    names = {line.split(b":")[0].split(b";")[0]
             for line in exported.replace(b"\r\n ", b"").split(b"\r\n") if line}
    assert names == {
        b"BEGIN", b"END", b"VERSION", b"PRODID", b"CALSCALE", b"NAME", b"X-WR-CALNAME",
        b"DESCRIPTION", b"X-WR-CALDESC", b"REFRESH-INTERVAL", b"X-PUBLISHED-TTL", b"TZID",
        b"DTSTART", b"RRULE", b"TZNAME", b"TZOFFSETFROM", b"TZOFFSETTO", b"UID", b"DTSTAMP",
        b"SEQUENCE", b"DTEND", b"SUMMARY", b"TRANSP", b"CLASS", b"ACTION", b"TRIGGER"}


def test_property_values_are_the_cleaned_input(exported):
    calendar = icalendar.Calendar.from_ical(exported)
    title = "Title " + INJECT_LINE + " " + NASTY_FILE_LINE
    # icalendar hands NAME and X- properties back still escaped: unescape them as RFC 5545 says
    assert _unescape(str(calendar["NAME"])) == title
    assert _unescape(str(calendar["X-WR-CALNAME"])) == title
    summary = "Summary\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nDTSTART:20000101T000000Z\n" + NASTY_FILE_TEXT
    assert str(calendar["DESCRIPTION"]) == summary + "\n\n" + supple.DISCLAIMER
    assert _unescape(str(calendar["X-WR-CALDESC"])) == summary + "\n\n" + supple.DISCLAIMER
    for event in calendar.events:
        assert str(event["SUMMARY"]) == title + ", week 1 of 1"
        lines = str(event["DESCRIPTION"]).split("\n")
        assert "1. Move " + INJECT_LINE + ": 3 reps" in lines
        assert "   - " + NASTY_LINE in lines
        assert "   - " + INJECT_LINE in lines
        assert "   Note: Note " + INJECT_LINE + " " + NASTY_FILE_LINE in lines
        assert "third cue never shown" not in str(event["DESCRIPTION"])
        assert "2. " + NASTY_LINE + ": hold 10 s" in lines
        assert "   - " + LONG.strip() in lines
        assert "   Note: " + LONG.strip() in lines
        assert "- Timing " + INJECT_LINE in lines
        assert "- " + NASTY_LINE in lines
        assert ("- Step 1, Move " + INJECT_LINE + ": a warning. Because " + INJECT_LINE
                + " Source: " + NASTY_LINE) in lines
        assert lines[-1] == supple.DISCLAIMER
        (alarm,) = event.subcomponents
        assert str(alarm["DESCRIPTION"]) == title + ", week 1 of 1"


def _unescape(raw: str) -> str:
    import re

    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)


def test_wire_format_is_crlf_folded_at_75_octets_never_inside_a_character(exported):
    assert exported.endswith(b"END:VCALENDAR\r\n")
    lines = exported.split(b"\r\n")[:-1]
    for line in lines:
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold inside a multi-byte character would fail here
        assert not any(byte < 0x20 and byte != 0x09 or byte == 0x7F for byte in line), line
    text = exported.decode("utf-8")
    assert "😀" in text.replace("\r\n ", "") and "🧘🏽‍♀️" in text.replace("\r\n ", "")
    # escaped TEXT: ; and , never bare inside SUMMARY or DESCRIPTION values
    unfolded = text.replace("\r\n ", "").split("\r\n")
    for line in unfolded:
        if line.startswith(("SUMMARY:", "DESCRIPTION:", "NAME:", "X-WR-CALNAME:", "X-WR-CALDESC:")):
            value = line.split(":", 1)[1]
            assert not _unescaped(value, ";") and not _unescaped(value, ","), line


def _unescaped(value: str, char: str) -> bool:
    """Whether ``char`` occurs in ``value`` without a backslash escape before it."""
    index = 0
    while index < len(value):
        if value[index] == "\\":
            index += 2
            continue
        if value[index] == char:
            return True
        index += 1
    return False


def test_hostile_routine_through_the_command_line_parses(tmp_path):
    from click.testing import CliRunner

    from supple.cli import cli

    routine = {
        "routine": {"title": "Desk" + INJECT + NASTY, "summary": NASTY, "revised": dt.date(2026, 11, 1)},
        "schedule": {"start": dt.date(2026, 12, 7), "weeks": 1, "days": ["mon"], "times": ["11:00"],
                     "timezone": "Europe/Madrid"},
        "steps": [{"exercise": "seated-pelvic-tilt", "note": INJECT + NASTY + LONG[:1000]}],
    }
    path = tmp_path / "hostile.toml"
    path.write_text(_toml(routine), encoding="utf-8")
    out = tmp_path / "hostile.ics"
    result = CliRunner().invoke(cli, ["export", str(path), "--to", "ics", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    assert len(calendar.events) == 1 and data.count(b"\r\nBEGIN:VEVENT\r\n") == 1
    (event,) = calendar.events
    assert str(event["SUMMARY"]) == "Desk " + INJECT_LINE + " " + NASTY_FILE_LINE + ", week 1 of 1"
    assert ("   Note: " + INJECT_LINE + " " + NASTY_FILE_LINE + LONG[:1000].rstrip()
            in str(event["DESCRIPTION"]).split("\n"))
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
