"""Settings of the safety plugin, from a routine's ``[plugins.safety]`` table.

Only the age thresholds of the weak, caution-tier signs are configurable (the sources
disagree on them: 50 or 55 for new pain, 20 for the young, 70 for fracture risk). Red flags,
refusals and the other rules are not. The engine checks the table while resolving the routine
(``supple check`` reports a bad value at ``plugins.safety.KEY``); any threshold that differs
from the default is reported in the plan, so a changed setting is never silent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

import supple
from supple_safety import SETTINGS as NAME


def _age(low: int) -> Callable[[Any, attrs.Attribute[Any], int], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if not low <= value <= 120:
            raise ValueError(f"{attribute.name} must be between {low} and 120; got {value}")

    return check


@attrs.frozen
class SafetyOptions:
    """``caution_age_over``: warn when the person is older than this (new back pain after 50
    deserves a check if it does not settle). ``caution_age_under``: warn when younger than
    this. ``fracture_risk_age``: older than this, the bone-fragility rules apply as if the
    person had osteoporosis."""

    caution_age_over: int = supple.setting(
        50, validator=_age(0), doc="a caution is noted for a person older than this")
    caution_age_under: int = supple.setting(
        20, validator=_age(0), doc="a caution is noted for a person younger than this")
    fracture_risk_age: int = supple.setting(
        70, validator=_age(40),
        doc="older than this, the bone-fragility rules apply as if the person had osteoporosis")

    def __attrs_post_init__(self) -> None:
        if self.caution_age_under >= self.caution_age_over:
            raise ValueError(
                f"caution_age_under ({self.caution_age_under}) must be below caution_age_over "
                f"({self.caution_age_over})"
            )


DEFAULTS = SafetyOptions()


def options_for(context: supple.SafetyContext) -> SafetyOptions:
    """The routine's ``[plugins.safety]`` settings (checked by the engine), or the defaults
    when the plugin runs under another name or in a bare test registry."""
    found = context.settings.get(NAME)
    return found if isinstance(found, SafetyOptions) else DEFAULTS


def relaxes(chosen: SafetyOptions, baseline: SafetyOptions) -> list[str]:
    """The settings in ``chosen`` (from a routine) that are less strict than in ``baseline``
    (the person's, or the defaults): a higher fracture-risk age or caution age over, a lower
    caution age under. Only the person may set those (docs/safety.md)."""
    looser = []
    if chosen.fracture_risk_age > baseline.fracture_risk_age:
        looser.append("fracture_risk_age")
    if chosen.caution_age_over > baseline.caution_age_over:
        looser.append("caution_age_over")
    if chosen.caution_age_under < baseline.caution_age_under:
        looser.append("caution_age_under")
    return looser


def changed(opts: SafetyOptions) -> list[tuple[str, int, int]]:
    """The settings that differ from the defaults: (name, value, default)."""
    return [
        (field.name, getattr(opts, field.name), getattr(DEFAULTS, field.name))
        for field in attrs.fields(SafetyOptions)
        if getattr(opts, field.name) != getattr(DEFAULTS, field.name)
    ]
