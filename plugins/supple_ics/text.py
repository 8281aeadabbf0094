"""The words in the calendar: cleaning text from files and plugins, and writing each event's
summary and description.

Everything here is plain Python (no icalendar), so it is cheap to import and easy to test.
Text from routines, profiles and plugins is data: :func:`clean` removes every character that
could end a property line or smuggle in a new one (CR, LF where a single line is expected,
other control characters), and :func:`escape` then escapes backslash, semicolon, comma and
newline when the value is written (icalendar's own escaping first turns the two characters
``\\N`` into a line break, so a title written as ``Morning\\NX-INJECTED:1`` would reach the
calendar as two lines).
"""

from __future__ import annotations

import re

import supple

#: How many of an exercise's cues an event shows (the first ones are the key ones).
CUES_PER_EXERCISE = 2

# CR, LF, CRLF and the Unicode line and paragraph separators become "\n"; a tab becomes a space.
_NEWLINES = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# Then every other control character (Unicode's Cc: C0, DEL, C1, so also form feed, vertical
# tab and escape) is dropped, with lone surrogates (which cannot be written as UTF-8), the
# bidirectional embedding, override and isolate controls (which make text read differently
# from what it is), byte-order marks (parsers drop one at the start of a value) and the BMP's
# noncharacters.
_DROP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
                   r"\ufeff\ufdd0-\ufdef\ufffe\uffff]")
_SPACES = re.compile(r"[ \t]+")


def clean(text: object, *, single_line: bool = False) -> str:
    """``text`` with control characters removed and line breaks normalised to ``\\n``.

    With ``single_line`` line breaks become spaces too (a summary, a calendar's name). Runs of
    spaces and tabs become one space; leading and trailing space is dropped.
    """
    value = str(text)
    value = _NEWLINES.sub("\n", value)
    value = _DROP.sub("", value)
    value = value.replace("\t", " ")
    if single_line:
        value = value.replace("\n", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return "\n".join(lines).strip()


def escape(value: str) -> str:
    """``value`` as an RFC 5545 TEXT value (section 3.3.11): backslash, semicolon, comma and
    line break escaped, nothing else changed, so every parser reads back exactly ``value``."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def summary(plan: supple.Plan, session: supple.Session) -> str:
    """The event's title: the routine and the programme week, e.g.
    ``Morning back mobility, week 2 of 6``."""
    return f"{clean(plan.title, single_line=True)}, week {session.week} of {plan.weeks}"


def description(plan: supple.Plan, session: supple.Session) -> str:
    """What to do in ``session``: its steps with their doses, key cues and notes, what the
    timing strategy and the safety filters changed, and the disclaimer. Plain text."""
    length = supple.format_seconds(session.duration_s)
    lines = [f"Week {session.week} of {plan.weeks}. About {length}."]
    lines.append("")
    for step in session.steps:
        lines.extend(_step_lines(step))
    notes = [clean(note, single_line=True) for note in session.timeline.notes]
    notes = [note for note in notes if note]
    if notes:
        lines.append("")
        lines.append("Notes for this session:")
        lines.extend(f"- {note}" for note in notes)
    safety = safety_lines(plan)
    if safety:
        lines.append("")
        lines.extend(safety)
    lines.append("")
    lines.append(supple.DISCLAIMER)
    return "\n".join(lines)


def _step_lines(step: supple.PlannedStep) -> list[str]:
    """A step, numbered as in the routine file (so "step 4" means the same everywhere), with
    its dose, its exercise's first cues and the step's note."""
    exercise = step.exercise
    name = clean(exercise.name, single_line=True) or exercise.id
    dose = clean(step.dose.describe(), single_line=True)
    lines = [f"{step.number}. {name}: {dose}"]
    cues = (clean(cue, single_line=True) for cue in exercise.cues)
    for cue in [cue for cue in cues if cue][:CUES_PER_EXERCISE]:
        lines.append(f"   - {cue}")
    note = clean(step.note, single_line=True)
    if note:
        lines.append(f"   Note: {note}")
    return lines


_ACTIONS = {"warned": "a warning", "waived": "waived by you"}


def _exercise_name(plan: supple.Plan, ref: str) -> str:
    exercise = plan.find_exercise(ref)
    name = clean(exercise.name, single_line=True) if exercise is not None else ""
    return name or clean(ref, single_line=True)


def safety_lines(plan: supple.Plan) -> list[str]:
    """What the safety filters changed and why, one line per finding (``- Step 6, Standing
    rotation release: replaced by ... . Why. Source: ...``), plus the rules the user waived;
    empty when there is nothing to say."""
    lines: list[str] = []
    if plan.safety:
        lines.append("What the safety filters changed:")
        for finding in plan.safety:
            who = _exercise_name(plan, finding.exercise) if finding.exercise else "The whole plan"
            if finding.step is not None:
                who = f"Step {finding.step}, {who}"
            action = clean(finding.action, single_line=True)
            what = _ACTIONS.get(action, action)
            if finding.replacement:
                what += f" by {_exercise_name(plan, finding.replacement)}"
            line = f"- {who}: {what}."
            reason = clean(finding.reason, single_line=True)
            if reason:
                line += f" {reason}"
            source = clean(finding.source, single_line=True)
            if source:
                line += f" Source: {source}"
            lines.append(line)
    waived = [clean(rule, single_line=True) for rule in plan.waived]
    if waived:
        lines.append(f"Safety rules you waived: {', '.join(waived)}")
    return lines


def calendar_description(plan: supple.Plan) -> str:
    """The whole calendar's description: the routine's summary and the disclaimer."""
    parts = [clean(plan.routine.info.summary)]
    parts.append(supple.DISCLAIMER)
    return "\n\n".join(part for part in parts if part)
