"""Key input and clocks for guided sessions."""

from __future__ import annotations

import os
import termios

import pytest

from supple.guide.clock import FakeClock, MonotonicClock
from supple.guide.keys import KEYMAP, NoKeys, ScriptedKeys, TerminalKeys, cbreak


def test_fake_clock_moves_only_when_slept_on_plus_its_latency():
    clock = FakeClock(start=5.0, latency=lambda: 0.25)
    assert clock.now() == 5.0 and clock.now() == 5.0
    clock.sleep(1.0)
    assert clock.now() == 6.25
    clock.advance(2)
    assert clock.now() == 8.25 and clock.sleeps == 1


def test_monotonic_clock_never_goes_back():
    clock = MonotonicClock()
    readings = [clock.now() for _ in range(1000)]
    assert readings == sorted(readings)


def test_scripted_keys_arrive_at_their_time_and_waits_otherwise_time_out():
    clock = FakeClock(start=0.0)
    keys = ScriptedKeys(clock, [(2.5, "p"), (1.0, "n")])
    assert keys.wait(0.5) is None and clock.now() == 0.5
    assert keys.wait(5.0) == "n" and clock.now() == 1.0
    assert keys.wait(1.0) is None and clock.now() == 2.0
    assert keys.wait(1.0) == "p" and clock.now() == 2.5
    assert keys.wait(1.0) is None and clock.now() == 3.5


def test_no_keys_just_sleeps():
    clock = FakeClock(start=0.0)
    assert NoKeys(clock).wait(0.75) is None and clock.now() == 0.75


def test_the_documented_keys_are_mapped():
    assert KEYMAP[" "] == KEYMAP["p"] == "pause"
    assert KEYMAP["n"] == KEYMAP["s"] == "skip"
    assert KEYMAP["q"] == "quit"


def test_terminal_keys_read_queued_presses_from_a_descriptor_and_stop_at_end_of_input():
    read_end, write_end = os.pipe()
    clock = FakeClock(start=0.0)
    keys = TerminalKeys(read_end, clock)
    try:
        assert keys.wait(0) is None  # nothing typed: the timeout passes
        os.write(write_end, b"pq")
        assert keys.wait(0) == "p"
        assert keys.wait(0) == "q"
        os.close(write_end)
        assert keys.wait(0) is None and keys.closed
        assert keys.wait(2.0) is None and clock.now() == 2.0  # at end of input: plain sleeping
    finally:
        os.close(read_end)


def test_cbreak_switches_a_terminal_to_single_keys_and_restores_it_even_after_an_error():
    master, slave = os.openpty()
    try:
        before = termios.tcgetattr(slave)
        assert before[3] & termios.ICANON and before[3] & termios.ECHO
        with pytest.raises(RuntimeError):
            with cbreak(slave) as changed:
                assert changed
                during = termios.tcgetattr(slave)
                assert not during[3] & termios.ICANON and not during[3] & termios.ECHO
                assert during[3] & termios.ISIG  # Ctrl-C still interrupts
                raise RuntimeError("boom")
        assert termios.tcgetattr(slave) == before
    finally:
        os.close(master)
        os.close(slave)


def test_cbreak_leaves_a_pipe_alone():
    read_end, write_end = os.pipe()
    try:
        with cbreak(read_end) as changed:
            assert changed is False
    finally:
        os.close(read_end)
        os.close(write_end)
