"""End to end: `supple run` in a real pseudo-terminal, paused and resumed, then `supple log`."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytest.importorskip("pty")

ROUTINE = """
[routine]
title = "Pty session"
id = "pty-session"

[timing]
strategy = "steady"
tempo = 0.5
rest = 1
transition = 1
switch = 1

[[steps]]
exercise = "cat-cow"
reps = 2
hold = 0

[[steps]]
exercise = "childs-pose"
hold = 1
sets = 2
"""


class Terminal:
    """The controlling side of a pseudo-terminal, with a transcript."""

    def __init__(self, fd: int):
        self.fd = fd
        self.transcript = b""

    def read(self, timeout: float) -> int:
        """Read what arrives within ``timeout`` seconds; the number of bytes (0: none)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # the other side closed
            return 0
        self.transcript += data
        return len(data)

    def expect(self, text: str, timeout: float = 8.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.transcript:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} not seen; got:\n{self.transcript.decode(errors='replace')}")
            self.read(min(left, 0.2))

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())


def start_session(tmp_path: Path) -> tuple[Path, dict[str, str], int, int, subprocess.Popen[bytes]]:
    """`supple run ROUTINE --pain 1 --record` in a new pseudo-terminal, with its own data and
    config folders: the routine, the environment, the terminal's two ends and the process."""
    routine = tmp_path / "pty.toml"
    routine.write_text(ROUTINE)
    env = dict(os.environ, TERM="xterm", SUPPLE_DATA_DIR=str(tmp_path / "data"),
               SUPPLE_CONFIG_DIR=str(tmp_path / "config"), COLUMNS="100", LINES="30")
    env.pop("NO_COLOR", None)
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "supple", "run", str(routine), "--pain", "1", "--record"],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
    )
    return routine, env, master, slave, proc


def finish(proc: subprocess.Popen[bytes], term: Terminal, timeout: float) -> None:
    """Wait for the command to end and read what it wrote last."""
    proc.wait(timeout=timeout)
    while term.read(0.1):
        pass


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill the command if it is still running (a test that failed half way)."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_a_session_in_a_terminal_pauses_resumes_completes_and_is_logged(tmp_path):
    routine, env, master, slave, proc = start_session(tmp_path)
    before = termios.tcgetattr(slave)
    term = Terminal(master)
    try:
        term.expect("Keys: space or p: pause/resume")
        term.expect("Step 1 of 2: Cat-cow")
        term.send("p")
        term.expect("Paused:")
        time.sleep(0.6)
        term.send(" ")
        term.expect("Resumed after")
        term.expect("Session complete.")
        term.expect("And your pain now?")
        term.send("2\r")
        term.expect("Did you notice any warning sign")
        term.send("\r")  # no
        term.expect("How did it feel?")
        term.send("hard\r")
        finish(proc, term, timeout=10)
    finally:
        stop(proc)
    output = term.transcript.decode(errors="replace")
    try:
        assert proc.returncode == 0, output
        assert "\r[" in output and "\x1b[K" in output  # the status line is redrawn in place
        assert "Session complete: 2 of 2 exercises done" in output and "(paused " in output
        assert "Saved in your session log" in output
        assert "\x1b[?25h" in output  # the cursor is shown again
        assert termios.tcgetattr(slave) == before  # the terminal is left as it was
    finally:
        os.close(master)
        os.close(slave)

    listing = subprocess.run([sys.executable, "-m", "supple", "log", "--json"], env=env,
                             capture_output=True, text=True, timeout=30)
    assert listing.returncode == 0, listing.stderr
    (entry,) = json.loads(listing.stdout)
    assert entry["routine"]["id"] == "pty-session" and entry["status"] == "finished"
    assert [c["number"] for c in entry["completed"]] == [1, 2] and entry["skipped"] == []
    assert entry["pain_before"] == 1 and entry["pain_after"] == 2 and entry["effort"] == "hard"
    assert entry["paused_s"] >= 0.5


def test_a_warning_sign_reported_after_a_session_stops_the_programme(tmp_path):
    """Issue 20: a red flag answered during `run` is recorded and stops the programme with the
    advice, as a red flag in the profile does; later plans refuse until it is cleared."""
    routine, env, master, slave, proc = start_session(tmp_path)
    term = Terminal(master)
    try:
        term.expect("Session complete.", timeout=30)
        term.expect("And your pain now?")
        term.send("1\r")
        term.expect("Did you notice any warning sign")
        term.send("y\r")
        term.expect("(saddle-numbness)")
        import re

        number = re.search(r"(\d+)\. numbness or pins and needles around the genitals",
                           term.transcript.decode(errors="replace")).group(1)
        term.send(f"{number}\r")
        term.expect("How did it feel?")
        term.send("\r")
        finish(proc, term, timeout=15)
    finally:
        stop(proc)
        os.close(master)
        os.close(slave)
    output = term.transcript.decode(errors="replace")
    assert proc.returncode == 3, output
    assert "Seek emergency care now" in output and "Saved in your session log" in output
    later = subprocess.run([sys.executable, "-m", "supple", "plan", str(routine)], env=env,
                           capture_output=True, text=True, timeout=30)
    assert later.returncode == 3 and "Seek emergency care now" in later.stderr
    cleared = subprocess.run([sys.executable, "-m", "supple", "log", "flag", "--clear", "saddle-numbness"],
                             env=env, capture_output=True, text=True, timeout=30)
    assert cleared.returncode == 0, cleared.stderr
    again = subprocess.run([sys.executable, "-m", "supple", "plan", str(routine)], env=env,
                           capture_output=True, text=True, timeout=30)
    assert again.returncode == 0, again.stderr
