"""Issue 23 item 8: SIGTERM and SIGHUP during `supple run` end the session like Ctrl-C: the
terminal gets its settings back (echo, canonical mode), the partial session is recorded with
``--record``, and the exit status says which signal (128 + its number). Real processes in a
real pseudo-terminal, and with pipes."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import termios
import time

import pytest

pytest.importorskip("pty")

ROUTINE = """
[routine]
title = "Signal session"
id = "signal-session"

[timing]
strategy = "steady"
tempo = 1
rest = 5
transition = 5

[[steps]]
exercise = "cat-cow"
reps = 20
hold = 0

[[steps]]
exercise = "childs-pose"
hold = 30
"""


def _env(tmp_path):
    env = dict(os.environ, TERM="xterm", SUPPLE_DATA_DIR=str(tmp_path / "data"),
               SUPPLE_CONFIG_DIR=str(tmp_path / "config"), COLUMNS="100", LINES="30")
    env.pop("NO_COLOR", None)
    env.pop("SUPPLE_DEBUG", None)
    return env


def _read_until(fd: int, text: bytes, seen: bytearray, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{text!r} not seen; got:\n{bytes(seen).decode(errors='replace')}")
        ready, _, _ = select.select([fd], [], [], min(left, 0.2))
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                return


def _logged(env) -> list[dict]:
    listing = subprocess.run([sys.executable, "-m", "supple", "log", "--json"], env=env,
                             capture_output=True, text=True, timeout=30)
    assert listing.returncode == 0, listing.stderr
    return json.loads(listing.stdout)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_in_a_terminal_restores_it_and_records_the_partial_session(tmp_path, signum):
    routine = tmp_path / "signal.toml"
    routine.write_text(ROUTINE)
    env = _env(tmp_path)
    master, slave = os.openpty()
    before = termios.tcgetattr(slave)
    proc = subprocess.Popen(
        [sys.executable, "-m", "supple", "run", str(routine), "--pain", "1", "--record"],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    seen = bytearray()
    try:
        _read_until(master, b"Step 1 of 2: Cat-cow", seen)
        assert termios.tcgetattr(slave) != before  # cbreak: no echo, no canonical mode
        proc.send_signal(signum)
        proc.wait(timeout=15)
        while True:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                break
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = bytes(seen).decode(errors="replace")
    try:
        assert proc.returncode == 128 + signum, output
        assert termios.tcgetattr(slave) == before, output  # echo and canonical mode are back
        assert "Traceback" not in output and "internal error" not in output
        if signum == signal.SIGTERM:  # after a hang-up nobody is there to read it
            assert "\x1b[?25h" in output and "Saved in your session log" in output
    finally:
        os.close(master)
        os.close(slave)
    (entry,) = _logged(env)
    assert entry["routine"]["id"] == "signal-session" and entry["status"] == "stopped"
    assert entry["completed"] == []


def test_sigterm_with_pipes_records_the_partial_session(tmp_path):
    routine = tmp_path / "signal.toml"
    routine.write_text(ROUTINE)
    env = _env(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "supple", "run", str(routine), "--pain", "1", "--record"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    seen = bytearray()
    try:
        _read_until(proc.stdout.fileno(), b"Cat-cow", seen)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"Saved in your session log" in bytes(seen) + out
    (entry,) = _logged(env)
    assert entry["status"] == "stopped"
