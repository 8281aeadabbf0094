"""Key presses during a guided session.

On a terminal, :func:`cbreak` switches standard input to cbreak mode (keys arrive one by one,
without echo; Ctrl-C still interrupts) and always restores the previous settings on exit.
:class:`TerminalKeys` waits for a key with ``select`` and a timeout, so waiting for the next
deadline and listening for keys are one and the same call.

When standard input is not a terminal, supple reads no keys at all (:class:`NoKeys`): the
session runs to its end, and Ctrl-C stops it. :class:`ScriptedKeys` presses keys at given
times on a :class:`~supple.guide.clock.FakeClock`, for tests.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol

from supple.guide.clock import Clock, FakeClock

#: key -> action. Anything else is ignored.
KEYMAP: dict[str, str] = {
    " ": "pause",
    "p": "pause",
    "P": "pause",
    "n": "skip",
    "N": "skip",
    "s": "skip",
    "S": "skip",
    "q": "quit",
    "Q": "quit",
}

#: How the keys are described to the person.
KEYS_HELP = "space or p: pause/resume   n or s: skip to the next exercise   q: quit"


class KeySource(Protocol):
    """Waits up to ``timeout`` seconds for a key; returns it, or ``None`` when none came."""

    def wait(self, timeout: float) -> str | None: ...


class NoKeys:
    """No key input (standard input is not a terminal): waiting is sleeping."""

    reads_keys = False

    def __init__(self, clock: Clock):
        self.clock = clock

    def wait(self, timeout: float) -> str | None:
        self.clock.sleep(timeout)
        return None


class TerminalKeys:
    """Keys read from a file descriptor (a terminal in cbreak mode, or a pipe in benchmarks).

    At end of input it stops reading and behaves like :class:`NoKeys`.
    """

    reads_keys = True

    def __init__(self, fd: int, clock: Clock):
        self.fd = fd
        self.clock = clock
        self.pending: deque[str] = deque()
        self.closed = False

    def wait(self, timeout: float) -> str | None:
        import select

        if self.pending:
            return self.pending.popleft()
        if self.closed:
            self.clock.sleep(timeout)
            return None
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 64)
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return None
        self.pending.extend(data.decode("utf-8", errors="ignore"))
        return self.pending.popleft() if self.pending else None


class ScriptedKeys:
    """Presses keys at given times of a :class:`FakeClock`, for tests.

    ``script`` holds ``(seconds after the clock's time at creation, key)`` pairs. A wait that
    would pass a key's time stops there and returns the key; the clock's latency still applies,
    so a key may arrive late, as a real one does.
    """

    reads_keys = True

    def __init__(self, clock: FakeClock, script: Iterable[tuple[float, str]] = ()):
        self.clock = clock
        origin = clock.now()
        self.script: deque[tuple[float, str]] = deque(sorted((origin + at, key) for at, key in script))
        self.pressed: list[tuple[float, str]] = []

    def wait(self, timeout: float) -> str | None:
        now = self.clock.now()
        if self.script and self.script[0][0] <= now + timeout:
            at, key = self.script.popleft()
            self.clock.sleep(max(at - now, 0.0))
            self.pressed.append((self.clock.now(), key))
            return key
        self.clock.sleep(timeout)
        return None


@contextmanager
def cbreak(fd: int) -> Iterator[bool]:
    """Put terminal ``fd`` in cbreak mode for the duration; yields whether it did.

    The previous settings are restored however the block ends (an exception, Ctrl-C), and
    keys typed during the session are discarded so they do not answer a later question.
    Yields ``False`` (and changes nothing) when ``fd`` is not a terminal or the platform has
    no ``termios``.
    """
    try:
        import termios
        import tty
    except ImportError:  # pragma: no cover - not on POSIX
        yield False
        return
    if not os.isatty(fd):
        yield False
        return
    try:
        saved = termios.tcgetattr(fd)
    except termios.error:
        yield False
        return
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        yield True
    finally:
        try:
            termios.tcsetattr(fd, termios.TCSAFLUSH, saved)
        except termios.error:  # the terminal hung up (SIGHUP): there is nothing to restore
            pass
