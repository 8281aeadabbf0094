"""SIGTERM and SIGHUP during a guided session, handled as Ctrl-C is.

Left to their defaults, both signals end the process at once: the terminal stays in cbreak
mode (no echo, no line editing) and the session is lost. While :func:`stop_on_signals` is
active they raise :class:`SessionSignal`, a :class:`KeyboardInterrupt`, so the runner stops
the session as it does for Ctrl-C, the terminal's settings are restored on the way out, and
``supple run --record`` records the partial session; the command then exits with 128 + the
signal's number, as a shell reports death by that signal.

SIGHUP means the terminal is gone: standard output and error are pointed at ``/dev/null``
first, so writing the session's summary cannot fail and stop the recording. A signal the user
chose to ignore (``nohup`` ignores SIGHUP) stays ignored.
"""

from __future__ import annotations

import os
import signal
from contextlib import AbstractContextManager
from types import FrameType

from supple.io.interrupts import SIGNALS, on_termination

__all__ = ["SIGNALS", "SessionSignal", "stop_on_signals"]


class SessionSignal(KeyboardInterrupt):
    """A termination signal arrived during the session (``signum``)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _detach_output() -> None:
    """Point file descriptors 1 and 2 at /dev/null (the terminal hung up)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for fd in (1, 2):
        try:
            os.dup2(null, fd)
        except OSError:
            pass
    os.close(null)


def _handler(signum: int, frame: FrameType | None) -> None:
    if signum == signal.SIGHUP:
        _detach_output()
    raise SessionSignal(signum)


def stop_on_signals() -> AbstractContextManager[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`SessionSignal` (in the main
    thread; elsewhere this does nothing). The previous handlers are restored afterwards."""
    return on_termination(_handler)
