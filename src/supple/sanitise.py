"""The one sanitiser for text that reaches a terminal.

Text from routine files, profiles, file names, plugins and the environment is data; on a
terminal, a control character in it is a command (ESC starts sequences that move the cursor,
retitle the window, write to the clipboard) and a bidirectional control makes the text read
differently from what it is (U+202E reverses it). :func:`terminal` turns every such character
into a visible escape (``\\x1b``, ``\\u202e``), so an error message still shows which file or
key is meant; with ``escape=False`` they are dropped instead (text meant for reading, such as
the plan). Every line supple prints to standard error, and the plan's text, go through it.

The characters: Unicode's Cc (C0, DEL, C1), the line and paragraph separators, the
bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E, U+200F,
U+202A-U+202E, U+2066-U+2069), lone surrogates, and noncharacters (U+FDD0-U+FDEF and the
last two code points of every plane, such as U+FFFE).
"""

from __future__ import annotations

import re

#: The code points :func:`terminal` acts on, as inclusive ranges.
_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029),  # Cc, line and paragraph separators
    (0x061C, 0x061C), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069),  # bidi controls
    (0xD800, 0xDFFF),  # surrogates
    (0xFDD0, 0xFDEF), *((p + 0xFFFE, p + 0xFFFF) for p in range(0, 0x110000, 0x10000)),
)
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(keep: str) -> re.Pattern[str]:
    """A character class of :data:`_RANGES` less the characters in ``keep``."""
    found = _PATTERNS.get(keep)
    if found is None:
        kept = sorted({ord(char) for char in keep})
        parts = []
        for low, high in _RANGES:
            for code in kept:
                if low <= code <= high:
                    if low < code:
                        parts.append((low, code - 1))
                    low = code + 1
            if low <= high:
                parts.append((low, high))
        body = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in parts)
        found = _PATTERNS[keep] = re.compile(f"[{body}]")
    return found


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def terminal(text: object, *, keep: str = "", escape: bool = True) -> str:
    """``text`` safe to print on a terminal: control, bidirectional-control, surrogate and
    noncharacter code points shown as escapes (``\\x1b``), or dropped when ``escape`` is
    false. Characters in ``keep`` (say ``"\\n\\t"``) are left alone."""
    value = str(text)
    pattern = _pattern(keep)
    return pattern.sub(_visible, value) if escape else pattern.sub("", value)
