"""Text helpers every part of the engine shares: the terminal-safe form of text from files and
plugins, wrapping for the terminal, and did-you-mean suggestions for unknown names (difflib is
imported only when one is needed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from supple.sanitise import terminal


def safe(text: str) -> str:
    """Text from files and plugins with control characters (terminal escapes), bidirectional
    controls and noncharacters removed (:func:`supple.sanitise.terminal`); tabs and line
    breaks kept."""
    return terminal(text, keep="\t\n", escape=False)


def wrap(text: str, indent: str, width: int = 88, *, hanging: str | None = None) -> list[str]:
    """``text`` wrapped to ``width``; the first line starts with ``indent``, later lines with
    ``hanging`` (default: spaces as wide as ``indent``)."""
    import textwrap  # only terminal text is wrapped (it compiles patterns when imported)

    rest = " " * len(indent) if hanging is None else hanging
    return textwrap.wrap(
        safe(text), width=width, initial_indent=indent, subsequent_indent=rest, break_on_hyphens=False
    ) or [indent]


def repeats(note: str, text: str) -> bool:
    """Whether ``note`` only repeats what ``text`` already says (``"Breathe out as you open."``
    after the breathing cue ``"Breathe out as you open; ..."``): shown once, not twice."""
    def words(value: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", value.casefold()).split())

    said = words(note)
    return bool(said) and said in words(text)


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The names in ``choices`` closest to ``word`` (``difflib.get_close_matches``)."""
    import difflib

    names = list(choices)
    folded = word.casefold()
    # the same name in other case, then names it begins (``desk`` -> ``desk-break``), then difflib
    found = [c for c in names if c.casefold() == folded]
    if len(folded) >= 3:
        found += [c for c in names if c.casefold().startswith(folded) and c not in found]
    found += [c for c in difflib.get_close_matches(word, names, n=n, cutoff=cutoff) if c not in found]
    return found[:n]


def did_you_mean(
    word: str,
    choices: Iterable[str],
    *,
    n: int = 1,
    cutoff: float = 0.6,
    show: Callable[[str], str] = repr,
) -> str:
    """``"; did you mean 'a' or 'b'?"`` for the names in ``choices`` closest to ``word``
    (``show`` formats each one), or ``""`` when none is close."""
    close = close_matches(word, choices, n=n, cutoff=cutoff)
    return f"; did you mean {' or '.join(show(c) for c in close)}?" if close else ""
