"""``gentle``'s options: the keys of ``steady`` with slower, longer defaults."""

from __future__ import annotations

import attrs

from .options import seconds_field, tempo_field


@attrs.frozen
class GentleOptions:
    """Options of ``gentle``: the same keys as ``steady`` with slower, longer defaults. A step's
    own tempo or rest is used only when it is slower or longer than these."""

    tempo: float = tempo_field(6.0)
    rest: int | str = seconds_field(60, 900)
    transition: int | str = seconds_field(30, 300)
    switch: int | str = seconds_field(10, 120)
