"""What a guided session shows: terminal status line, plain lines, and no escapes from data."""

from __future__ import annotations

import io
import re

import supple
from supple.guide.clock import FakeClock
from supple.guide.keys import NoKeys, ScriptedKeys
from supple.guide.runner import Runner
from supple.guide.screen import (
    PlainScreen,
    TerminalScreen,
    countdown,
    progress_bar,
    terminal_capabilities,
)
from supple.testing import make_registry, plan_routine

EVIL = "\x1b]0;owned\x07\x1b[2J\x9b31m"


class EvilPlugin:
    """Exercise text full of terminal escape sequences."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(
            name="evil", title="Evil",
            exercises=(supple.Exercise(
                id="evil-stretch", name=f"Evil{EVIL} stretch", summary="x", kind="stretch",
                position="supine", dose=supple.Dose(hold_s=3), sources=(supple.Source("x"),),
                cues=(f"Cue{EVIL} one",), breathing=f"Breathe{EVIL}",
            ),),
        )


ROUTINE = """
[routine]
title = "Screens"
[timing]
strategy = "steady"
tempo = 1
rest = 2
transition = 2
switch = 1
[[steps]]
exercise = "cat-cow"
reps = 3
hold = 1
sets = 2
[[steps]]
exercise = "evil/evil-stretch"
hold = 3
per_side = true
"""

#: the escape sequences supple itself writes on a terminal
OURS = re.compile(r"\x1b\[(?:K|\?25[lh]|1m|0m|1;33m|1;32m)")


def _timeline():
    plan = plan_routine(ROUTINE, make_registry(EvilPlugin(), builtins=True))
    return plan.sessions[0].timeline


def _run(screen_factory, script=()):
    timeline = _timeline()
    clock = FakeClock(start=0.0)
    out = io.StringIO()
    keys = ScriptedKeys(clock, script) if script else NoKeys(clock)
    screen = screen_factory(timeline, out)
    Runner(timeline, clock, keys, screen).run()
    screen.close()
    return out.getvalue()


def test_plain_lines_have_no_carriage_returns_escapes_or_bells():
    text = _run(lambda t, out: PlainScreen(t, out, keys=True), [(5.0, "p"), (9.0, "p"), (20.0, "n")])
    assert "\r" not in text and "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "Evil]0;owned[2J31m stretch" in text  # the text stays, harmless
    lines = text.splitlines()
    assert lines[0] == "[00:00] Start: 25 s planned."
    assert "[00:00] Step 1 of 2: Cat-cow (2 x 3 reps, hold 1 s) [0% of the session done]" in lines
    assert "[00:02]   rep 1/3" in lines and "[00:03]   rep 1/3: hold 1 s" in lines
    assert "[00:05] Paused: Cat-cow: 3 reps, hold 1 s each (set 1/2), 0:03 left. Press space or p to resume." in lines
    assert "[00:09] Resumed after 4 s." in lines
    assert "[00:20] Skipped: Cat-cow." in lines
    assert any("Switch sides (now the right side)" in line for line in lines)
    assert lines[-1].endswith("Session complete.")


def test_terminal_screen_redraws_one_status_line_and_writes_only_its_own_escapes():
    text = _run(lambda t, out: TerminalScreen(t, out, ansi=True, colour=True, bell=True, columns=100))
    assert "\x07" in text  # the bell after holds, rests and the session
    assert "\x1b" not in OURS.sub("", text)
    assert "\x9b" not in text
    assert text.startswith("\x1b[?25l") and text.endswith("\x1b[?25h")  # cursor hidden, then shown


def test_status_line_shows_progress_countdown_rep_and_next_and_fits_the_width():
    text = _run(lambda t, out: TerminalScreen(t, out, ansi=True, colour=False, bell=False, columns=60))
    statuses = [OURS.sub("", part) for part in text.split("\r") if part.startswith("[")]
    assert statuses, text
    assert all(len(s.split("\n")[0]) <= 59 for s in statuses)
    assert any(s.startswith("[###") and "0:03  rep 2/3: hold 0:01 - Cat" in s for s in statuses)
    wide = _run(lambda t, out: TerminalScreen(t, out, ansi=True, colour=False, bell=False, columns=200))
    assert "rep 2/3: hold 0:01 - Cat-cow (set 1/2)  | next: rest 2 s" in wide
    assert "| next: Evil]0;owned[2J31m stretch (hold 3 s, each side)" in wide


def test_dumb_terminal_gets_carriage_returns_but_no_escape_sequences():
    text = _run(lambda t, out: TerminalScreen(t, out, ansi=False, colour=True, bell=False, columns=80))
    assert "\x1b" not in text and "\x07" not in text
    assert "\r" in text


def test_no_color_and_dumb_terminals_are_detected_from_the_environment():
    assert terminal_capabilities({"TERM": "xterm-256color"}) == (True, True)
    assert terminal_capabilities({"TERM": "xterm", "NO_COLOR": "1"}) == (True, False)
    assert terminal_capabilities({"TERM": "dumb"}) == (False, False)
    assert terminal_capabilities({}) == (False, False)


def test_no_colour_means_no_colour_codes():
    text = _run(lambda t, out: TerminalScreen(t, out, ansi=True, colour=False, bell=False, columns=100),
                [(5.0, "p"), (6.0, "p")])
    assert "\x1b[1m" not in text and "\x1b[1;33m" not in text and "PAUSED" in text


def test_countdown_rounds_up_and_progress_bar_is_ascii():
    assert countdown(0.2) == "0:01" and countdown(60) == "1:00" and countdown(61.5) == "1:02"
    assert countdown(0) == "0:00"
    assert progress_bar(5, 20, width=10) == "[##--------]  25%"
    assert progress_bar(30, 20, width=4) == "[####] 100%"
