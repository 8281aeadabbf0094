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

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_UNSAFE = f"\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{_BIDI}\\ud800-\\udfff{_NONCHARACTERS}"
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(keep: str) -> re.Pattern[str]:
    found = _PATTERNS.get(keep)
    if found is None:
        unsafe = f"[{_UNSAFE}]"
        if keep:
            unsafe = f"(?![{re.escape(keep)}]){unsafe}"
        found = _PATTERNS[keep] = re.compile(unsafe)
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


def is_noncharacter(char: str) -> bool:
    """Whether ``char`` is one of Unicode's 66 noncharacters (U+FFFE, U+FDD0...)."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
