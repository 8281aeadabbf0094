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

from collections.abc import Iterator

import supple


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
        dose_for=supple.later("supple_progression.linear:dose_for"),
        options="supple_progression.linear:LinearOptions",
        check=supple.later("supple_progression.linear:check"),
    )
    yield supple.ProgressionStrategy(
        name="phased",
        summary="An explicit table of phases, each lasting some weeks with its own dose.",
        dose_for=supple.later("supple_progression.phased:dose_for"),
        options="supple_progression.phased:PhasedOptions",
        check=supple.later("supple_progression.phased:check"),
    )
    yield supple.ProgressionStrategy(
        name="load",
        summary="Adds about 1 kg after a given week or at the top of a rep range, only when pain is low.",
        dose_for=supple.later("supple_progression.load:dose_for"),
        options="supple_progression.load:LoadOptions",
        check=supple.later("supple_progression.load:check"),
    )
    yield supple.ProgressionStrategy(
        name="responsive",
        summary="Progresses, holds or regresses from the session log (pain, next-day pain, effort), "
        "one variable at a time.",
        dose_for=supple.later("supple_progression.responsive:dose_for"),
        options="supple_progression.responsive:ResponsiveOptions",
        check=supple.later("supple_progression.responsive:check"),
    )
