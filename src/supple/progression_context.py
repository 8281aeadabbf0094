"""What a progression strategy is told besides the base dose. Only planning builds one, so
it lives apart from the strategies (a command that does not plan never builds the class)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from supple.exercise import Exercise


@attrs.frozen
class ProgressionContext:
    """What a progression strategy may know besides the base dose: the exercise, the
    programme's length in weeks, today's pain from the profile (``None`` if not given), and
    the plugins' settings from the routine's ``[plugins.NAME]`` tables, by settings name
    (see :class:`PluginSettings`)."""

    exercise: Exercise
    weeks: int
    pain: int | None = None
    settings: Mapping[str, Any] = attrs.field(factory=dict)
