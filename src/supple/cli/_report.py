"""How errors reach the user: sanitised, capped in number, and with a traceback only on request.

Kept apart from :mod:`supple.cli` so the command line's error handling stays a few lines.
"""

from __future__ import annotations

import os

from supple.limits import MAX_ERRORS_SHOWN
from supple.sanitise import terminal

#: Values of ``SUPPLE_DEBUG`` that turn tracebacks on (anything else, ``0`` included, is off).
_TRUE = frozenset({"1", "true", "yes", "on"})


def debug_enabled() -> bool:
    """Whether ``SUPPLE_DEBUG`` asks for tracebacks: ``1``, ``true``, ``yes`` or ``on``."""
    return os.environ.get("SUPPLE_DEBUG", "").strip().lower() in _TRUE


def error_lines(exc: BaseException) -> list[str]:
    """The lines to print for ``exc``: each problem sanitised for the terminal (its own line
    breaks kept), at most :data:`~supple.limits.MAX_ERRORS_SHOWN` problems, then how many
    more there are."""
    problems = getattr(exc, "problems", None)
    texts = [str(p) for p in problems] if problems else [str(exc)]
    lines = [line for text in texts[:MAX_ERRORS_SHOWN]
             for line in terminal(text, keep="\n").splitlines()]
    hidden = len(texts) - MAX_ERRORS_SHOWN
    if hidden > 0:
        lines.append(f"... and {hidden} more problem{'s' if hidden != 1 else ''} "
                     f"(the first {MAX_ERRORS_SHOWN} are shown)")
    return lines
