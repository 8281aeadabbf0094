"""Did-you-mean suggestions for unknown names (difflib is imported only when one is needed)."""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The names in ``choices`` closest to ``word`` (``difflib.get_close_matches``)."""
    import difflib

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)
