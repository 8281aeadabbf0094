"""Containment for plugin code the engine calls while it works (safety filters, strategies,
exporters, hooks): a plugin is reported and isolated, never fatal, and never silent.

* what a plugin prints goes to standard error, so it never mixes into a plan's JSON or a
  calendar written to standard output;
* ``SystemExit`` raised by a plugin is an error of that plugin, not an exit of supple (a plan
  made without a filter's say must never end with status 0);
* an exception whose ``str()`` itself raises is still described.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

#: What the engine catches from plugin code: everything a plugin may raise, except Ctrl-C.
PLUGIN_FAULTS: tuple[type[BaseException], ...] = (Exception, SystemExit)
#: What the engine catches while importing a plugin: a ``KeyboardInterrupt`` raised by a
#: plugin's module code is its fault too (a real Ctrl-C at that instant is lost: rare, harmless).
IMPORT_FAULTS: tuple[type[BaseException], ...] = (Exception, SystemExit, KeyboardInterrupt)


@contextlib.contextmanager
def plugin_output() -> Iterator[None]:
    """Send what plugin code prints to standard error while it runs."""
    with contextlib.redirect_stdout(sys.stderr):
        yield


def describe_fault(exc: BaseException) -> str:
    """``TypeName: message`` for an exception from plugin code, even when its ``str()``
    raises (its first line, at most 300 characters)."""
    try:
        text = str(exc)
    except Exception:
        text = "(its message could not be read)"
    if isinstance(exc, SystemExit):
        text = f"exit status {exc.code!r}" if not text or text == str(exc.code) else text
    first = (text.strip().splitlines() or [""])[0]
    first = first if len(first) <= 300 else first[:297] + "..."
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
