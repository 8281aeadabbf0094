"""`supple export ROUTINE --to ics` on the command line: stdout or an atomic `-o` file, never
over the routine or profile, a clear error (exit 2, nothing written) for a routine without a
schedule or a bad option, and a plugin that stays cheap to import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from supple.cli import cli

ROOT = Path(__file__).parents[2]
DESK = ROOT / "routines" / "desk-break.toml"

NO_SCHEDULE = """
[routine]
title = "Any time"
[[steps]]
exercise = "cat-cow"
reps = 5
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def routine(tmp_path) -> Path:
    path = tmp_path / "desk-break.toml"
    shutil.copyfile(DESK, path)
    return path


def test_export_to_stdout_is_a_calendar(routine):
    result = run("export", str(routine), "--to", "ics")
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert len(icalendar.Calendar.from_ical(data).events) == 6 * 5 * 2


def test_export_to_a_file_writes_it_whole_and_leaves_no_temporary_file(routine, tmp_path):
    out = tmp_path / "out" / "desk.ics"
    out.parent.mkdir()
    out.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")  # an older calendar
    result = run("export", str(routine), "--to", "ics", "-o", str(out), "-O", "alarm=10")
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.stderr
    data = out.read_bytes()
    assert data == run("export", str(routine), "--to", "ics", "-O", "alarm=10").stdout_bytes
    assert data.count(b"\r\nBEGIN:VALARM\r\n") == 60
    assert sorted(p.name for p in out.parent.iterdir()) == ["desk.ics"]


def test_export_refuses_to_overwrite_the_routine(routine):
    before = routine.read_bytes()
    result = run("export", str(routine), "--to", "ics", "-o", str(routine))
    assert result.exit_code == 2
    assert "refusing to overwrite an input file" in result.stderr
    assert str(routine) in result.stderr
    assert routine.read_bytes() == before
    assert sorted(p.name for p in routine.parent.iterdir()) == ["desk-break.toml"]


def test_export_refuses_to_overwrite_the_profile(routine, tmp_path):
    profile = tmp_path / "me.toml"
    profile.write_text("[profile]\npain = 2\n", encoding="utf-8")
    result = run("export", str(routine), "--to", "ics", "--profile", str(profile), "-o", str(profile))
    assert result.exit_code == 2
    assert "refusing to overwrite an input file" in result.stderr
    assert profile.read_text(encoding="utf-8") == "[profile]\npain = 2\n"


def test_routine_without_a_schedule_says_what_to_add_and_writes_nothing(tmp_path):
    path = tmp_path / "any-time.toml"
    path.write_text(NO_SCHEDULE, encoding="utf-8")
    out = tmp_path / "any-time.ics"
    result = run("export", str(path), "--to", "ics", "-o", str(out))
    assert result.exit_code == 2
    assert f"{path}: schedule: has no [schedule] table" in result.stderr
    assert "[schedule]" in result.stderr and 'timezone = "Europe/Madrid"' in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["any-time.toml"]


@pytest.mark.parametrize("option, message", [
    ("alarm=-5", "--option alarm: must be the minutes before a session"),
    ("alarm=20000", "from 1 to 10080 (one week), or 0 for none; got 20000"),
    ("alarm=soon", "--option alarm: expected a whole number"),
    ("sequence=-1", "--option sequence: must be a whole number from 0"),
    ("private=maybe", "--option private: expected true or false"),
    ("alarms=5", "--option alarms: unknown key; did you mean 'alarm'?"),
])
def test_bad_option_is_a_located_error_and_nothing_is_written(routine, tmp_path, option, message):
    out = tmp_path / "desk.ics"
    out.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")  # an older calendar
    result = run("export", str(routine), "--to", "ics", "-o", str(out), "-O", option)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def test_bad_option_in_the_routine_file_is_located_there(tmp_path):
    path = tmp_path / "desk.toml"
    path.write_text(DESK.read_text(encoding="utf-8") + "\n[export.ics]\nalarm = \"10\"\n",
                    encoding="utf-8")
    result = run("export", str(path), "--to", "ics")
    assert result.exit_code == 2
    assert f"{path}: export.ics.alarm: expected a whole number, got text '10'" in result.stderr
    path.write_text(DESK.read_text(encoding="utf-8") + "\n[export.ics]\nalarm = 10\n",
                    encoding="utf-8")
    result = run("export", str(path), "--to", "ics")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.count(b"TRIGGER:-PT10M\r\n") == 60
    # the command line wins over the file
    result = run("export", str(path), "--to", "ics", "-O", "alarm=0")
    assert b"VALARM" not in result.stdout_bytes


def test_importing_the_plugin_does_not_import_icalendar():
    code = ("import sys, supple_ics, supple_ics.options; supple_ics.options.IcsOptions(); "
            "print('icalendar' in sys.modules, 'zoneinfo' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split()[0] == "False"
