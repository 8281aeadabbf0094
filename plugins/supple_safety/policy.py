"""Every exclusion of the first-party filters in force for this person, so that a variant one
rule picks is never one another rule would keep out."""

from __future__ import annotations

import supple
from supple_safety.common import Exclusion


def in_force(context: supple.SafetyContext) -> list[Exclusion]:
    """The exclusions that apply to ``context``'s person and are not waived (fixed ones always)."""
    from supple_safety import conditions, manipulation

    everything = [*manipulation.exclusions(context), *conditions.exclusions(context)]
    return [e for e in everything if e.fixed or not context.is_waived(e.rule)]
