"""Text read from routine files keeps tabs and line breaks but loses every other control
character (terminal escapes, bells, Unicode line separators) before anything prints it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from supple.io.routine_file import _clean, routine_from_dict

# the rule as a regular expression, the oracle for the translation table supple uses
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def test_control_characters_are_dropped_from_title_summary_and_notes():
    routine = routine_from_dict({
        "routine": {"title": "Back\x1b[2J care\x07", "summary": "one\ttwo\nthree\u2028four\x85"},
        "steps": [{"exercise": "cat-cow", "note": "slow\x00ly\r\n"}],
    }, "r.toml")
    assert routine.info.title == "Back[2J care"
    assert routine.info.summary == "one\ttwo\nthreefour"
    assert routine.steps[0].note == "slowly\r\n"


@given(st.text(alphabet=st.characters(max_codepoint=0x2100)))
def test_dropping_control_characters_matches_the_rule(text):
    assert _clean(text) == CONTROL.sub("", text)
