"""The exporter contribution: writes a plan in some format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from supple.contributions import WithOptions, _callable, _options_reference
from supple.exercise import _slug

if TYPE_CHECKING:
    from supple.plan import Plan


@attrs.frozen
class Exporter(WithOptions):
    """Writes a plan in some format.

    ``render(plan, options)`` returns the whole output as bytes. ``suffix`` is the usual file
    ending (``.ics``), ``needs_schedule`` says whether a routine without ``[schedule]`` can be
    exported. Options come from the routine's ``[export.NAME]`` table and ``--option``.

    ``options``: an attrs class, a ``"package.module:Class"`` reference, or ``None`` (see
    :class:`supple.contributions.WithOptions`).
    """

    name: str = attrs.field(validator=_slug)
    summary: str
    render: Callable[[Plan, Any], bytes] = attrs.field(validator=_callable)
    media_type: str = "text/plain"
    suffix: str = ".txt"
    needs_schedule: bool = False
    _options: type | str | None = attrs.field(default=None, validator=_options_reference, alias="options")
