"""Issue 23: a property-based round trip for every exporter. Hostile text goes into every
text field (the routine's title, summary and step note, and a plugin exercise's name,
summary, instructions, cues, breathing and cautions); a real parser reads the export back:
icalendar for ICS, :mod:`json` for JSON, pandoc's syntax tree (the reader docs/handout.md
documents) for Markdown. Each field must come back exactly as written, after the documented
clean-up (control characters dropped, white space runs made one space), and nothing may add a
property, an event or a Markdown element of its own.

Sized for CI: a few dozen examples per exporter, a few seconds each.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import supple
from supple.testing import export_routine, make_registry

ROOT = Path(__file__).resolve().parents[2]

#: Pieces that mean something to some format: iCalendar escapes and line structure, JSON
#: escapes, Markdown and TeX markup, YAML, terminal and bidirectional controls, noncharacters.
FRAGMENTS = [
    "\\N", "\\n", "\\", "\\\\", ";", ",", ":", "\r\n", "\n", "\r", "END:VEVENT", "BEGIN:VALARM",
    "X-INJECTED:1", '"', "\\u0000", "\\ud800", "$x$", "$$", "\\(", "\\input{x}", "<b>", "&amp;",
    "[a](b)", "![i](j)", "`c`", "*", "_", "#", "- ", "1. ", "> ", "---", "...", ":::", "|", "{",
    "}", "@k", "^[n]", "~", "'", "\x1b[31m", "\x07", "\x00", "\x85", "\u2028", "\u202e",
    "\u2066", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\ufeff", "\xa0", "\t", "  ",
    "\U0001f9d8\U0001f3fd\u200d\u2640\ufe0f", "é", "e\u0301", "%", "=", "\u00ad",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=8).map("".join)
#: text a TOML file can hold (no lone surrogates); plugin text may hold anything
FILE_TEXT = TEXT.map(lambda s: re.sub("[\ud800-\udfff]", "", s))
PLUGIN_TEXT = st.one_of(TEXT, st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=2))

FIELDS = st.fixed_dictionaries({
    "title": FILE_TEXT.map(lambda s: "T" + s), "summary": FILE_TEXT, "note": FILE_TEXT,
    "name": PLUGIN_TEXT, "ex_summary": PLUGIN_TEXT, "instruction": PLUGIN_TEXT,
    "cue": PLUGIN_TEXT, "breathing": PLUGIN_TEXT, "caution": PLUGIN_TEXT,
})

FIELDS_NAMES = ("title", "summary", "note", "name", "ex_summary", "instruction", "cue",
                "breathing", "caution")
CHECKS = settings(max_examples=150, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow])


class Hostile:
    """One exercise whose every text is the example's."""

    def __init__(self, fields):
        self.fields = fields

    @supple.hookimpl
    def supple_exercise_sets(self):
        f = self.fields
        yield supple.ExerciseSet(name="hostile", title="Hostile", exercises=(supple.Exercise(
            id="hostile-one", name=f["name"], summary=f["ex_summary"], kind="mobility",
            position="supine", dose=supple.Dose(reps=8),
            sources=(supple.Source(ref="x", title="t"),), instructions=(f["instruction"],),
            cues=(f["cue"],), breathing=f["breathing"], cautions=(f["caution"],)),))


def _export(fields, fmt: str) -> bytes:
    routine = {
        "routine": {"title": fields["title"], "summary": fields["summary"]},
        "schedule": {"start": dt.date(2026, 12, 7), "weeks": 1, "days": ["mon"],
                     "times": ["07:30"], "timezone": "Europe/Madrid"},
        "steps": [{"exercise": "hostile-one", "note": fields["note"]}],
    }
    registry = make_registry(Hostile(fields), builtins=True, strict=True)
    return export_routine(routine, registry, fmt)


def _baseline(fmt: str) -> bytes:
    """The same export with plain words in every field."""
    return _export(dict.fromkeys(FIELDS_NAMES, "plain"), fmt)


def _shape(component) -> list:
    """A component's properties and subcomponents, by name, recursively."""
    return [component.name, sorted(component.keys()), [_shape(c) for c in component.subcomponents]]


def _loaded(text: str) -> str:
    """A routine file's text as the loader keeps it."""
    from supple.io.routine_file import _clean

    return _clean(text)


@CHECKS
@given(FIELDS)
def test_ics_round_trip(fields):
    from supple_ics.text import clean

    data = _export(fields, "ics")
    calendar = icalendar.Calendar.from_ical(data)
    assert _shape(calendar) == _shape(icalendar.Calendar.from_ical(_baseline("ics")))
    (event,) = calendar.events
    title = clean(_loaded(fields["title"]), single_line=True)
    assert str(event["SUMMARY"]) == f"{title}, week 1 of 1"
    assert str(calendar["DESCRIPTION"]).startswith(clean(_loaded(fields["summary"])))
    lines = str(event["DESCRIPTION"]).split("\n")
    name = clean(fields["name"], single_line=True) or "hostile-one"
    assert lines[2].startswith(f"1. {name}: ")
    cue = clean(fields["cue"], single_line=True)
    if cue:
        assert lines[3] == f"   - {cue}"
    note = clean(_loaded(fields["note"]), single_line=True)
    if note:
        assert f"   Note: {note}" in lines


@CHECKS
@given(FIELDS)
def test_json_round_trip(fields):
    data = _export(fields, "json")
    tree = json.loads(data.decode("utf-8"))
    assert tree["routine"]["title"] == _loaded(fields["title"])
    assert tree["routine"]["summary"] == _loaded(fields["summary"])
    (step,) = tree["sessions"][0]["steps"]
    assert step["note"] == _loaded(fields["note"])
    # surrogate code points are not text: two escaped would read back as another character
    assert step["name"] == re.sub("[\ud800-\udfff]", "", fields["name"])
    assert set(step) == {"exercise", "set", "name", "step", "sets", "reps", "hold_s", "per_side",
                         "rest_s", "tempo_s", "load_kg", "alternate", "set_reps",
                         "duration_s", "distance_m", "level", "note"}


pypandoc = pytest.importorskip("pypandoc")
PANDOC = pypandoc.get_pandoc_path()
READER = re.search(r"-f (markdown(?:-\w+)+)", (ROOT / "docs" / "handout.md").read_text()).group(1)
INLINES = {"Str", "Space", "SoftBreak", "Strong", "Emph", "Quoted"}
BLOCKS = {"Para", "Plain", "Header", "BulletList", "OrderedList", "BlockQuote", "Table", "Div"}


def _texts(node, out: list[str], bad: list[str], line: list[str] | None = None) -> None:
    """Every run of inline text in a pandoc JSON tree into ``out``; unexpected nodes in ``bad``."""
    if isinstance(node, list):
        for item in node:
            _texts(item, out, bad, line)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("t")
    if kind is None:  # the document or a metadata map
        for value in node.values():
            _texts(value, out, bad, line)
        return
    if kind in ("Para", "Plain", "MetaInlines") or (kind == "Header"):
        inner: list[str] = []
        _texts(node["c"][2] if kind == "Header" else node["c"], out, bad, inner)
        out.append("".join(inner).replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " "))
        return
    if kind == "Str":
        line.append(node["c"])
    elif kind in ("Space", "SoftBreak"):
        line.append(" ")
    elif kind == "Quoted":
        mark = "'" if node["c"][0]["t"] == "SingleQuote" else '"'
        line.append(mark)
        _texts(node["c"][1], out, bad, line)
        line.append(mark)
    elif kind in INLINES or kind in BLOCKS or kind.startswith("Meta"):
        _texts(node.get("c"), out, bad, line)
    elif kind in ("SingleQuote", "DoubleQuote", "AlignDefault", "ColWidthDefault",
                  "Decimal", "Period", "DefaultDelim", "DefaultStyle", "OneParen"):
        pass
    else:
        bad.append(kind)


@settings(CHECKS, max_examples=60)
@given(FIELDS)
def test_markdown_round_trip_through_pandoc(fields):
    from supple_markdown.escape import clean

    data = _export(fields, "md")
    # no bidirectional control (text reads as written) and no noncharacter (pandoc's YAML
    # reader refuses U+FFFE in the metadata block)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]",
                         data.decode("utf-8"))
    done = subprocess.run([PANDOC, "-f", READER, "-t", "json"], input=data, capture_output=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert not done.stderr, done.stderr.decode()
    tree = json.loads(done.stdout)
    texts: list[str] = []
    bad: list[str] = []
    _texts(tree, texts, bad)
    assert not bad, bad
    title = clean(_loaded(fields["title"]))
    assert tree["meta"]["title"]["t"] == "MetaInlines"
    meta: list[str] = []
    _texts(tree["meta"]["title"], meta, bad)
    assert meta == [title]
    for value in (clean(_loaded(fields["summary"])), clean(_loaded(fields["note"])),
                  clean(fields["name"]), clean(fields["instruction"]), clean(fields["cue"])):
        if value:
            assert any(value in text for text in texts), (value, texts)
