"""First-party progression strategies (docs/strategies.md has the full reference).

``none``: every week has the step's base dose.

``linear``: a fixed change of repetitions, hold or sets every week (or every few weeks),
with a cap for what grows and a floor for what shrinks.

``phased``: an explicit table of phases, each lasting some weeks with its own dose.

``load``: add a light weight after a given week or once the top of a rep range is reached,
and only when the profile says pain is low (article 000).

``responsive``: progress, hold or regress from the session log (pain, next-day pain, effort,
what was done), one variable at a time, explaining each week's decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import supple

__all__ = ["LinearOptions", "LoadOptions", "Phase", "PhasedOptions", "ResponsiveOptions"]

# Every supple command imports this module, so it defines no class: each strategy's module
# (with its options class) is imported when a routine first uses the strategy.
_HOME = {"LinearOptions": "linear", "LoadOptions": "load", "Phase": "phased", "PhasedOptions": "phased",
         "ResponsiveOptions": "responsive"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _later(module: str, name: str) -> Callable[..., Any]:
    """``supple_progression.MODULE.NAME``, imported on its first call."""

    def call(*args: Any) -> Any:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(*args)

    call.__name__, call.__qualname__ = name, f"{module}.{name}"
    return call


def _unchanged(base: supple.Dose, week: int, options: object, context: supple.ProgressionContext) -> supple.Dose:
    return base


@supple.hookimpl
def supple_progression_strategies() -> Iterator[supple.ProgressionStrategy]:
    yield supple.ProgressionStrategy(
        name="none", summary="The same dose every week.", dose_for=_unchanged
    )
    yield supple.ProgressionStrategy(
        name="linear",
        summary="Adds (or takes off) repetitions, hold time or sets every N weeks, within caps.",
        dose_for=_later("linear", "dose_for"),
        options="supple_progression.linear:LinearOptions",
        check=_later("linear", "check"),
    )
    yield supple.ProgressionStrategy(
        name="phased",
        summary="An explicit table of phases, each lasting some weeks with its own dose.",
        dose_for=_later("phased", "dose_for"),
        options="supple_progression.phased:PhasedOptions",
        check=_later("phased", "check"),
    )
    yield supple.ProgressionStrategy(
        name="load",
        summary="Adds about 1 kg after a given week or at the top of a rep range, only when pain is low.",
        dose_for=_later("load", "dose_for"),
        options="supple_progression.load:LoadOptions",
        check=_later("load", "check"),
    )
    yield supple.ProgressionStrategy(
        name="responsive",
        summary="Progresses, holds or regresses from the session log (pain, next-day pain, effort), "
        "one variable at a time.",
        dose_for=_later("responsive", "dose_for"),
        options="supple_progression.responsive:ResponsiveOptions",
        check=_later("responsive", "check"),
    )
