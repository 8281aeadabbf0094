"""Issue 23 items 11 and 14: standard output that cannot be written gives a clear message and
exit status 2, never an internal error or a silent success. Real faults, in a real process: a
full device (/dev/full), a closed descriptor (``>&-``), a latin-1 stream and non-ASCII text,
and a pipe given to ``-o`` (a process substitution)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")

EMOJI_ROUTINE = """
[routine]
title = "Morning \N{GRINNING FACE} stretch"
[schedule]
start = 2026-12-07
weeks = 1
timezone = "Europe/Madrid"
[[steps]]
exercise = "cat-cow"
"""

FIXED = ["--start", "2026-12-07", "--timezone", "Europe/Madrid"]  # no note about a start from the clock
COMMANDS = {
    "plan": ["plan", ROUTINE, *FIXED],
    "plan --json": ["plan", ROUTINE, "--json", *FIXED],
    "export ics": ["export", ROUTINE, "--to", "ics", *FIXED],
    "exercises": ["exercises"],
}


def _supple(args, *, stdout, env=None, **kwargs):
    environment = dict(os.environ, **(env or {}))
    environment.pop("SUPPLE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "supple", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=60, env=environment, **kwargs)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_device_is_a_clear_error(name):
    with open("/dev/full", "w") as full:
        done = _supple(COMMANDS[name], stdout=full)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "supple: error: cannot write to standard output (No space left on device)\n"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_stdout_is_a_clear_error_not_a_silent_success(name):
    done = _supple(COMMANDS[name], stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("supple: error: standard output is closed")
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_export_to_a_file_works_with_stdout_closed(tmp_path):
    out = tmp_path / "plan.ics"
    done = _supple(["export", ROUTINE, "--to", "ics", "-o", str(out)], stdout=None,
                   preexec_fn=lambda: os.close(1))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_latin_1_stdout_names_the_character_and_the_fix(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(EMOJI_ROUTINE, encoding="utf-8")
    done = _supple(["plan", str(routine)], stdout=subprocess.PIPE,
                   env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 2, done.stderr
    assert done.stderr == ("supple: error: standard output's encoding (iso8859-1) cannot show "
                           "'\\U0001f600' (U+1F600); set PYTHONIOENCODING=utf-8 or use a UTF-8 locale\n")


def test_a_latin_1_stdout_still_gets_exports_as_utf_8(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(EMOJI_ROUTINE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "supple", "export", str(routine), "--to", "ics"],
                          capture_output=True, timeout=60,
                          env=dict(os.environ, PYTHONIOENCODING="latin-1"))
    assert done.returncode == 0, done.stderr
    assert "Morning \N{GRINNING FACE} stretch".encode() in done.stdout


def test_a_pipe_given_to_o_is_refused():
    read, write = os.pipe()
    try:
        done = _supple(["export", ROUTINE, "--to", "ics", "-o", f"/dev/fd/{write}"],
                       stdout=subprocess.PIPE, pass_fds=(write,))
    finally:
        os.close(read)
        os.close(write)
    assert done.returncode == 2, done.stderr
    assert "FIFO (named pipe), not a regular file" in done.stderr


def test_a_closed_pipe_still_ends_quietly():
    done = subprocess.run(f"{sys.executable} -m supple plan {ROUTINE} --week 1 {' '.join(FIXED)} | head -c 10",
                          shell=True, capture_output=True, text=True, timeout=60)
    assert done.stdout == "Morning ba" and done.stderr == ""


def test_a_non_blocking_pipe_that_fills_up_is_waited_for(tmp_path):
    import fcntl

    routine = tmp_path / "r.toml"
    routine.write_text(EMOJI_ROUTINE.replace("weeks = 1", "weeks = 52"), encoding="utf-8")
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETFL, fcntl.fcntl(write, fcntl.F_GETFL) | os.O_NONBLOCK)
    child = subprocess.Popen([sys.executable, "-m", "supple", "export", str(routine), "--to", "ics"],
                             stdout=write, stderr=subprocess.PIPE)
    os.close(write)
    time.sleep(1.0)  # let the child fill the pipe (64 KiB) and find it full
    data = b""
    with os.fdopen(read, "rb") as reader:
        while chunk := reader.read(65536):
            data += chunk
    assert child.wait(timeout=60) == 0, child.stderr.read().decode()
    assert data.startswith(b"BEGIN:VCALENDAR") and data.endswith(b"END:VCALENDAR\r\n")
    assert len(data) > 65536
