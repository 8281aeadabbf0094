"""The exporter contribution: writes a plan in some format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from supple.contributions import _callable, _options_reference, load_options
from supple.exercise import _slug

if TYPE_CHECKING:
    from supple.plan import Plan


@attrs.frozen
class Exporter:
    """Writes a plan in some format.

    ``render(plan, options)`` returns the whole output as bytes. ``suffix`` is the usual file
    ending (``.ics``), ``needs_schedule`` says whether a routine without ``[schedule]`` can be
    exported. Options come from the routine's ``[export.NAME]`` table and ``--option``.

    ``options`` is the attrs class its settings are structured into, or a
    ``"package.module:Class"`` reference to it, imported only when a routine uses this
    contribution (recommended: every command loads every plugin, so a reference keeps start-up
    cheap); ``None`` when it takes none.
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    render: Callable[[Plan, Any], bytes] = attrs.field(validator=_callable)
    media_type: str = "text/plain"
    suffix: str = ".txt"
    needs_schedule: bool = False
    _options: type | str | None = attrs.field(default=None, validator=_options_reference, alias="options")


    @property
    def options(self) -> type | None:
        """The options class, or ``None`` when it takes no options; given as a
        ``"package.module:Class"`` string, the class is imported here, on first use."""
        return load_options(self._options)
