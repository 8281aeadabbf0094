"""First-party progression strategies.

``none``: every week has the step's base dose.
"""

from __future__ import annotations

import supple


def _unchanged(base: supple.Dose, week: int, options: object, context: supple.ProgressionContext) -> supple.Dose:
    return base


@supple.hookimpl
def supple_progression_strategies():
    yield supple.ProgressionStrategy(
        name="none", summary="The same dose every week.", dose_for=_unchanged
    )
