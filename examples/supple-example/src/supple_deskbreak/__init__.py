"""supple-deskbreak: an example third-party plugin for supple.

It contributes, through the ``supple`` entry point named ``deskbreak``:

* the exercise set ``deskbreak``: three gentle moves for a break from the screen;
* the timing strategy ``microbreak``: a brisk tempo, short rests, no set-up time;
* the safety filter ``deskbreak-seated-only``: drops exercises that are not done sitting when
  the routine asks for it;
* settings, read from a routine's ``[plugins.deskbreak]`` table;
* the bundled routine ``desk-micro-break``.

supple imports this module for every command, so it imports only small modules of its own;
anything heavy would be imported inside the function that needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import supple
from supple_deskbreak.exercises import DESKBREAK
from supple_deskbreak.rules import DeskbreakSettings, seated_only
from supple_deskbreak.timing import MicrobreakOptions, lay_out

ROUTINES = Path(__file__).parent / "routines"


@supple.hookimpl
def supple_exercise_sets() -> Iterator[supple.ExerciseSet]:
    yield DESKBREAK


@supple.hookimpl
def supple_timing_strategies() -> Iterator[supple.TimingStrategy]:
    yield supple.TimingStrategy(
        name="microbreak",
        summary="A brisk tempo, short rests and no set-up time between exercises.",
        build=lay_out,
        options=MicrobreakOptions,
    )


@supple.hookimpl
def supple_safety_filters() -> Iterator[supple.SafetyFilter]:
    yield supple.SafetyFilter(
        name="deskbreak-seated-only",
        summary="With [plugins.deskbreak] seated_only = true, leaves out exercises not done sitting.",
        apply=seated_only,
        order=50,
    )


@supple.hookimpl
def supple_settings() -> Iterator[supple.PluginSettings]:
    yield supple.PluginSettings(
        name="deskbreak",
        options=DeskbreakSettings,
        summary="seated_only: leave out exercises that are not done sitting (default false).",
    )


@supple.hookimpl
def supple_routines() -> Iterator[supple.BundledRoutine]:
    yield supple.BundledRoutine(
        name="desk-micro-break",
        path=str(ROUTINES / "desk-micro-break.toml"),
        title="Desk micro-break",
    )
