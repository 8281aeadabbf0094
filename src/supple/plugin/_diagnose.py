"""Words for what went wrong in a plugin: the exception, where in the plugin's own code it
happened, and the object it returned instead of the one expected."""

from __future__ import annotations

import os
import re
from typing import Any

import attrs

_ATTRS_FRAME = r"^<attrs generated [\w ]+? ([\w.]+)>$"


def raised(hook: str, exc: BaseException) -> str:
    """Say what a hook implementation raised, naming an invalid object it was building and
    where in the plugin it happened."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    built = None
    for frame in frames:
        match = re.match(_ATTRS_FRAME, frame.filename)
        if match:
            built = match.group(1).rsplit(".", 1)[-1]
    if built:
        text = f"{hook}() built an invalid {built}: {message_of(exc)}"
    else:
        text = f"{hook}() raised {type(exc).__name__}: {message_of(exc)}"
    where = plugin_frame(frames)
    return text + (f" (at {where})" if where else "")


def library_dirs() -> tuple[str, ...]:
    import attr
    import pluggy

    dirs = [os.path.dirname(os.path.dirname(os.path.abspath(__file__)))]  # supple itself
    for module in (attr, attrs, pluggy):
        dirs.append(os.path.dirname(os.path.abspath(module.__file__ or "")))
    return tuple(d + os.sep for d in dirs)


def plugin_frame(frames: Any) -> str | None:
    """``package/file.py:LINE`` of the innermost frame in the plugin's own code."""
    skip = library_dirs()
    for frame in reversed(frames):
        name = frame.filename
        if name.startswith("<") or os.path.abspath(name).startswith(skip):
            continue
        parent = os.path.basename(os.path.dirname(name))
        return f"{parent}/{os.path.basename(name)}:{frame.lineno}" if parent else f"{name}:{frame.lineno}"
    return None


def message_of(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:  # a plugin's exception whose message itself fails
        return "(its message could not be read)"
    if text.startswith("(") and exc.args and isinstance(exc.args[0], str):
        text = exc.args[0]  # attrs' validators put extra objects in args
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    return first if len(first) <= 300 else first[:297] + "..."


def describe(exc: BaseException) -> str:
    message = message_of(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def one_line(exc: BaseException) -> str:
    return "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())


def a_type(value: object) -> str:
    return article(type(value).__name__)


def article(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def short_repr(item: object) -> str:
    try:
        text = repr(item)
    except Exception:
        text = f"<{type(item).__name__}>"
    return text if len(text) <= 60 else text[:57] + "..."
