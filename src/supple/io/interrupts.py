"""Termination signals as exceptions, so clean-up code runs when supple is told to stop.

By default SIGTERM and SIGHUP end a Python process at once: no ``finally`` block runs, so a
half-written temporary file stays behind and a terminal in raw mode stays raw. Inside
:func:`terminate_raises` they raise :class:`Terminated` instead (a :class:`SystemExit` with
the shell's status for death by that signal, 128 + the signal number), which unwinds the stack
like Ctrl-C does. A signal the user chose to ignore (``nohup`` ignores SIGHUP) stays ignored.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

#: The signals that ask a program to stop: ``kill`` and a closed terminal.
SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Terminated(SystemExit):
    """Raised in the main thread when a termination signal arrives; exit status 128 + signal."""

    def __init__(self, signum: int):
        super().__init__(128 + signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def on_termination(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP call ``handler`` (only in the main thread,
    where Python delivers signals; elsewhere this does nothing). A signal that is ignored stays
    ignored; the previous handlers are restored afterwards. The one place supple installs
    signal handlers: :func:`terminate_raises` and the guided session's
    :func:`supple.guide.signals.stop_on_signals` both use it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in SIGNALS:
        current = signal.getsignal(signum)
        if current is signal.SIG_IGN:
            continue
        previous[signum] = current
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, current in previous.items():
            signal.signal(signum, current)


def terminate_raises() -> AbstractContextManager[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Terminated` (in the main thread)."""
    return on_termination(_raise)
