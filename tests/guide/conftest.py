"""Shared by the log and report tests: a short logged routine and a command-line environment
with its own data and config folders, the log's lock wait shortened, and the clocks of
`supple run` and of the log options fixed on Wednesday 9 December 2026, 08:00 in Madrid."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from supple.guide.clock import FakeClock

LOGGED_ROUTINE = """
[routine]
title = "Short logged test"
id = "short-logged"

[schedule]
start = 2026-12-07
weeks = 2
days = ["mon", "wed", "fri"]
times = ["07:30"]
timezone = "Europe/Madrid"

[timing]
strategy = "steady"
tempo = 1
rest = 2
transition = 3

[[steps]]
exercise = "cat-cow"
reps = 2

[[steps]]
exercise = "childs-pose"
hold = 5
sets = 2
"""


@pytest.fixture
def log_env(tmp_path, monkeypatch):
    import supple.cli.log_options as options
    import supple.cli.run as run_module

    now = dt.datetime(2026, 12, 9, 8, 0, tzinfo=ZoneInfo("Europe/Madrid"))
    monkeypatch.setattr(run_module, "make_clock", lambda: FakeClock(start=100.0))
    monkeypatch.setattr(run_module, "wall_now", lambda: now)
    monkeypatch.setattr(options, "wall_now", lambda: now)
    routine = tmp_path / "short.toml"
    routine.write_text(LOGGED_ROUTINE)
    (tmp_path / "config").mkdir()
    return {"SUPPLE_DATA_DIR": str(tmp_path / "data"), "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
            "SUPPLE_LOG_LOCK_WAIT": "0.5", "routine": str(routine), "tmp": tmp_path}
