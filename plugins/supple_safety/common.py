"""What the first-party safety filters share: exclusions acting on movement tags, positions and
kinds; choosing a safer variant; and findings worded the same way everywhere. The exclusions,
variants and replacements are supple's public safety toolkit (:mod:`supple`: ``Exclusion``,
``safer_variants``, ``replacement_for``, ``exclude_steps``...), which any filter can use.

Rules act on what an exercise *does* (its tags, position and kind, see ``supple exercises``),
never on its name or id, so they work for any exercise set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import supple
from supple import Exclusion, exclude_steps, replacement_for, safer_variants
from supple import describe_exclusion as describe
from supple import first_exclusion as first_hit
from supple import replace_step as replaced
from supple import safety_finding as finding

__all__ = ["Exclusion", "describe", "exclude_steps", "finding", "first_hit", "pause_progression",
           "replaced", "replacement_for", "safer_variants", "sentence", "without_load"]


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def pause_progression(
    steps: Sequence[supple.PlannedStep], only: Callable[[supple.PlannedStep], bool] | None = None
) -> tuple[list[supple.PlannedStep], list[supple.PlannedStep]]:
    """Steps back at their written dose (what progression added is taken off, never a cap a
    filter applied), and the ones that changed. Filters run after progression, on each
    session's doses: this is how a filter stops a programme from progressing."""
    out, changed = [], []
    for step in steps:
        if step.base_dose is not None and (only is None or only(step)):
            written = step.base_dose
            dose = supple.evolve(step.dose, **{
                name: min(getattr(written, name), getattr(step.dose, name))
                for name in ("sets", "reps", "hold_s", "load_kg", "duration_s")})
            step = supple.evolve(step, dose=dose, base_dose=None, progression="none",
                                 progression_options=None)
            changed.append(step)
        out.append(step)
    return out, changed


def without_load(
    steps: Sequence[supple.PlannedStep], rule: str, why: str, source: str
) -> tuple[list[supple.PlannedStep], list[supple.SafetyFinding]]:
    """Every weight taken off (load 0), with a finding per step that had one."""
    out, findings = [], []
    for step in steps:
        if step.dose.load_kg:
            findings.append(finding(
                rule, "capped",
                sentence(f"{why}, so the {step.dose.load_kg:g} kg weight is left out (load 0)"),
                source, step))
            step = supple.evolve(step, dose=supple.evolve(step.dose, load_kg=0))
        out.append(step)
    return out, findings
