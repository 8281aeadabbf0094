"""The plugin's settings and its safety filter, ``deskbreak-seated-only``."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

import supple


@attrs.frozen
class DeskbreakSettings:
    """The ``[plugins.deskbreak]`` table of a routine. Every field has a default."""

    seated_only: bool = False


RULE = "deskbreak-seated-only"


def seated_only(
    steps: Sequence[supple.PlannedStep], context: supple.SafetyContext
) -> supple.SafetyResult:
    """Leave out every step not done sitting, with a finding for each, when the routine's
    ``[plugins.deskbreak]`` table says ``seated_only = true``."""
    settings = context.settings.get("deskbreak", DeskbreakSettings())
    if not settings.seated_only:
        return supple.SafetyResult(steps=steps)
    kept: list[supple.PlannedStep] = []
    findings: list[supple.SafetyFinding] = []
    for step in steps:
        if step.exercise.position == "seated":
            kept.append(step)
            continue
        findings.append(supple.SafetyFinding(
            rule=RULE,
            action="removed",
            reason=f"{step.exercise.name} is done {step.exercise.position}, and this routine "
                   "asks for seated exercises only.",
            source="the routine's [plugins.deskbreak] seated_only setting",
            exercise=step.exercise.id,
            step=step.number,
        ))
    return supple.SafetyResult(steps=kept, findings=findings)
