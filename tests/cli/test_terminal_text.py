"""Issue 23 items 6, 12 and 14: what supple prints is data, never a terminal command.

Escape sequences and bidirectional controls in file names, TOML keys and text show up escaped
(``\\x1b``), never raw; at most 50 problems are printed; ``SUPPLE_DEBUG=0`` means off;
``-O`` takes one TOML value, not a document; an id with a trailing newline is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import supple.pipeline.resolve
from supple.cli import cli
from supple.errors import Problem
from supple.sanitise import terminal

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")
OSC_TITLE = "\x1b]0;pwned\x07"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe]")

GOOD = """
[routine]
title = "{title}"
[schedule]
start = 2026-12-07
weeks = 1
timezone = "Europe/Madrid"
[[steps]]
exercise = "cat-cow"
"""


def run(*args, **env):
    return CliRunner().invoke(cli, list(args), env=env or None)


def test_a_file_name_with_an_escape_sequence_is_shown_escaped(tmp_path):
    bad = tmp_path / f"{OSC_TITLE}routine.toml"
    bad.write_text("not [ toml")
    result = run("check", str(bad))
    assert result.exit_code == 2
    assert not RAW.search(result.output), repr(result.output)
    assert "\\x1b]0;pwned\\x07routine.toml" in result.output


def test_a_missing_file_with_an_escape_sequence_is_shown_escaped(tmp_path):
    result = run("plan", str(tmp_path / f"{OSC_TITLE}.toml"))
    assert result.exit_code == 2 and not RAW.search(result.output), repr(result.output)


def test_a_toml_key_with_an_escape_sequence_is_shown_escaped(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(GOOD.format(title="ok") + '"\\u001b[2J\\u202ekey" = 1\n')
    result = run("check", str(routine))
    assert result.exit_code == 2
    assert not RAW.search(result.output), repr(result.output)


def test_an_ok_line_escapes_the_name_it_was_given(tmp_path):
    routine = tmp_path / f"{OSC_TITLE}.toml"
    routine.write_text(GOOD.format(title="ok"))
    result = run("check", str(routine))
    assert result.exit_code == 0 and not RAW.search(result.output), repr(result.output)


def test_bidi_controls_and_noncharacters_never_reach_the_plan_text(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(GOOD.format(title="Back \\u202ecare\\u2066 \\uFFFE\\uFDD0 \\U0010FFFF done"))
    result = run("plan", str(routine))
    assert result.exit_code == 0, result.output
    assert "Back care   done" in result.output.splitlines()[0]
    assert not RAW.search(result.output)


def test_problems_are_located_and_escaped_in_their_file_and_key():
    assert str(Problem("bad", "a\x1bb.toml", "k\u202e")) == "a\\x1bb.toml: k\\u202e: bad"


@given(st.text())
def test_the_sanitiser_leaves_nothing_a_terminal_acts_on(text):
    shown = terminal(text)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e"
                         r"\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]", shown)
    assert terminal(shown) == shown  # escaping twice changes nothing more


UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e"
                    "\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff"
                    "\U0010fffe\U0010ffff]")


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("\t\n\x1b\u202e\ufffe"))))
def test_dropping_keeps_exactly_the_kept_and_the_safe(text):
    expected = "".join(c for c in text if c in "\t\n" or not (
        UNSAFE.match(c) or ord(c) & 0xFFFE == 0xFFFE))  # the noncharacters of every plane
    assert terminal(text, keep="\t\n", escape=False) == expected


def test_no_more_than_fifty_problems_are_printed(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(GOOD.format(title="ok") + "".join(
        f'[[steps]]\nexercise = "no-such-{n}"\n' for n in range(80)))
    result = run("plan", str(routine))
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("supple: error:")]
    assert len(errors) == 51
    assert errors[-1] == "supple: error: ... and 30 more problems (the first 50 are shown)"


@pytest.fixture
def internal_error(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(supple.pipeline.resolve, "resolve", broken)


@pytest.mark.parametrize("value", ["0", "", "false", "no", "off"])
def test_supple_debug_off_prints_no_traceback(internal_error, value):
    result = run("check", ROUTINE, SUPPLE_DEBUG=value)
    assert result.exit_code == 1
    assert "internal error: RuntimeError: a bug" in result.output
    assert isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("value", ["1", "true", "YES", "on"])
def test_supple_debug_on_lets_the_traceback_through(internal_error, value):
    result = run("check", ROUTINE, SUPPLE_DEBUG=value)
    assert isinstance(result.exception, RuntimeError)


def test_an_option_value_is_one_toml_value_not_a_document(tmp_path):
    result = run("export", ROUTINE, "--to", "ics", "-O", "alarm=5\nx=6")
    assert result.exit_code == 2, result.output
    assert "--option alarm: is not one TOML value" in result.output


def test_a_multi_line_array_is_still_one_value():
    from supple.cli.export import _option_value

    assert _option_value("[1,\n2]") == [1, 2]


@pytest.mark.parametrize("ident", ["abc\n", "abc\n\n"])
def test_a_routine_id_with_a_newline_is_refused(tmp_path, ident):
    import tomli_w

    routine = tmp_path / "r.toml"
    routine.write_text(GOOD.format(title="ok").replace('title = "ok"', f"title = \"ok\"\nid = {tomli_w.dumps({'v': ident})[4:]}"))
    result = run("check", str(routine))
    assert result.exit_code == 2, result.output
    assert "routine.id: must be letters" in result.output


@pytest.mark.parametrize("ident", ["abc\n", "abc\n\n"])
def test_an_exercise_id_with_a_newline_is_refused(ident):
    import attrs

    import supple_backcare

    (exercise_set,) = list(supple_backcare.supple_exercise_sets())
    exercise = exercise_set.exercises[0]
    assert attrs.evolve(exercise, id="abc").id == "abc"
    with pytest.raises(ValueError):
        attrs.evolve(exercise, id=ident)


def test_a_plugin_name_with_a_newline_is_refused(tmp_path):
    result = run("new-plugin", "desk-break\n", "--dir", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "is not a plugin name" in result.output and list(tmp_path.iterdir()) == []
