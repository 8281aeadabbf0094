"""Durations as people write them (``30``, ``"30s"``, ``"2m"``, ``"1m30s"``) and say them
(``1 min 30 s``)."""

from __future__ import annotations

import re

# patterns are compiled on first use (the re module caches them): most commands never need one
_DURATION = r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?$"


def parse_duration(value: object) -> int:
    """Whole seconds from an integer or a string such as ``"1m30s"``.

    >>> parse_duration(45), parse_duration("30s"), parse_duration("2m"), parse_duration("1m30s")
    (45, 30, 120, 90)

    Raises :class:`ValueError` with a message fit for users on anything else.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected seconds or a duration like \"30s\", \"2m\", \"1m30s\"; got {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(
                f"a duration cannot be negative; give whole seconds or a duration like \"30s\"; got {value}"
            )
        return value
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        match = re.match(_DURATION, text)
        if text and match and any(match.groupdict().values()):
            parts = {k: int(v or 0) for k, v in match.groupdict().items()}
            return parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    raise ValueError(
        f"expected whole seconds or a duration like \"30s\", \"2m\", \"1m30s\"; got {value!r}"
    )


def format_seconds(seconds: float) -> str:
    """Seconds as people say them: ``45 s``, ``2 min``, ``1 min 30 s``, ``1 h 5 min``."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs:
        parts.append(f"{secs} s")
    return " ".join(parts)
