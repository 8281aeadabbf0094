"""The console script: the command line with the garbage collector off while it runs."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

import supple.cli
from supple.cli import console

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")


@pytest.fixture
def restore_gc():
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()


def test_the_command_line_runs_with_the_collector_off_and_what_is_left_is_frozen(monkeypatch, restore_gc):
    seen = {}

    def command_line():
        seen["enabled"] = gc.isenabled()
        raise SystemExit(0)

    monkeypatch.setattr(supple.cli, "main", command_line)
    gc.enable()
    with pytest.raises(SystemExit):
        console.main()
    assert seen == {"enabled": False}
    assert gc.get_freeze_count() > 0


def test_a_long_running_command_turns_the_collector_back_on(restore_gc):
    gc.disable()
    console.long_running()
    assert gc.isenabled()


def test_python_dash_m_supple_runs_the_same_command_line():
    done = subprocess.run([sys.executable, "-m", "supple", "check", ROUTINE],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK ")
